// `tidings eval geo`: geocoding of GeoVirus' gold toponyms (eval/geo_eval.h,
// docs/geo.md): accuracy within 161 km (countries, continents and regions by
// identity), median error, share resolved. Reads the dataset, touches no
// database.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cli/read_file.h"
#include "core/article_json.h"
#include "eval/geo_eval.h"
#include "facts/geo.h"

namespace tidings::cli {

namespace {

constexpr size_t kMaxDatasetBytes = 64u << 20;

struct EvalGeoArgs {
  std::string data = "../shared/data/ner/geovirus/GeoVirus.dev.xml.gz";
  std::string gazetteer;
  bool json = false, misses = false;
  double min_accuracy = 0;
};

int run_eval_geo(const EvalGeoArgs& args) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::string path = args.gazetteer.empty() ? facts::default_gazetteer_path() : args.gazetteer;
  auto gazetteer = facts::load_gazetteer(path);
  if (!gazetteer) {
    report_error(gazetteer.error().message);
    return 1;
  }
  const double load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const bool gz = args.data.size() > 3 && args.data.ends_with(".gz");
  auto bytes = gz ? read_gzip_input(args.data, kMaxDatasetBytes) : read_input(args.data, kMaxDatasetBytes);
  if (!bytes) {
    report_error(args.data + ": " + bytes.error().message);
    return 1;
  }
  size_t misaligned = 0;
  auto articles = eval::parse_geovirus(*bytes, &misaligned);
  if (!articles) {
    report_error(args.data + ": " + articles.error().message);
    return 1;
  }
  const eval::GeoScores s = eval::evaluate_geo(**gazetteer, *articles);
  if (args.json) {
    nlohmann::json j = {{"articles", articles->size()},
                        {"toponyms", s.toponyms},
                        {"misaligned", misaligned},
                        {"resolved", s.resolved},
                        {"resolved_share", s.resolved_share()},
                        {"correct", s.correct},
                        {"accuracy_161km", s.accuracy()},
                        {"accuracy_161km_distance_only", s.accuracy_by_distance()},
                        {"area_sized", s.area_sized},
                        {"area_correct", s.area_correct},
                        {"metonymic", s.metonymic},
                        {"median_error_km", s.median_error_km},
                        {"median_raw_error_km", s.median_raw_error_km},
                        {"gazetteer", path},
                        {"gazetteer_places", facts::gazetteer_place_count(**gazetteer)},
                        {"gazetteer_names", facts::gazetteer_name_count(**gazetteer)},
                        {"load_seconds", load_seconds},
                        {"resolve_seconds", s.seconds}};
    if (args.misses) {
      for (const auto& o : s.outcomes) {
        if (o.correct) continue;
        j["misses"].push_back({{"name", o.name},
                               {"page", o.page},
                               {"resolved", o.resolved_name},
                               {"id", o.resolved_id},
                               {"feature", o.feature},
                               {"error_km", o.error_km}});
      }
    }
    std::cout << dump_json(j, 2) << "\n";
  } else {
    std::printf("%zu articles, %zu toponyms (%zu misaligned spans dropped)\n", articles->size(), s.toponyms, misaligned);
    std::printf("acc@161km %.4f (%zu/%zu; countries, continents and regions by identity: %zu/%zu)\n", s.accuracy(),
                s.correct, s.toponyms, s.area_correct, s.area_sized);
    std::printf("acc@161km by distance only %.4f; resolved %.4f (%zu/%zu); %zu flagged metonymic\n",
                s.accuracy_by_distance(), s.resolved_share(), s.resolved, s.toponyms, s.metonymic);
    std::printf("median error %.1f km (by distance only %.1f km)\n", s.median_error_km, s.median_raw_error_km);
    std::printf("gazetteer %s: %zu places, %zu names, loaded in %.3f s; resolution %.3f s\n", path.c_str(),
                facts::gazetteer_place_count(**gazetteer), facts::gazetteer_name_count(**gazetteer), load_seconds,
                s.seconds);
    if (args.misses) {
      for (const auto& o : s.outcomes) {
        if (o.metonymic) std::printf("  metonymic %s -> %s\n", o.name.c_str(), o.resolved_name.c_str());
        if (o.correct) continue;
        std::printf("  miss %-28s -> %-28s %-9s %8.0f km  %s\n", o.name.c_str(),
                    o.resolved_name.empty() ? "(none)" : o.resolved_name.c_str(), o.feature.c_str(), o.error_km,
                    o.page.c_str());
      }
    }
  }
  if (s.accuracy() + 1e-12 < args.min_accuracy) {
    report_error("acc@161km " + std::to_string(s.accuracy()) + " below " + std::to_string(args.min_accuracy));
    return 1;
  }
  return 0;
}

void add_eval_geo_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<EvalGeoArgs>();
  CLI::App* cmd = eval_command(app)->add_subcommand(
      "geo",
      "Geocoding of GeoVirus' gold toponyms: acc@161km (countries, continents and regions by identity), "
      "median error, share resolved (docs/geo.md).");
  cmd->add_option("--data", args->data, "GeoVirus XML (.xml or .xml.gz)")->capture_default_str();
  cmd->add_option("--gazetteer", args->gazetteer, "gazetteer file (default: $TIDINGS_GAZETTEER, else the build's)");
  cmd->add_flag("--json", args->json, "print the metrics as JSON");
  cmd->add_flag("--misses", args->misses, "list the toponyms scored wrong");
  cmd->add_option("--min-accuracy", args->min_accuracy, "exit 1 when acc@161km is lower");
  cmd->callback([args, &global] { global.exit_code = run_eval_geo(*args); });
}

const bool kRegistered = register_commands(96, add_eval_geo_command);

}  // namespace

}  // namespace tidings::cli
