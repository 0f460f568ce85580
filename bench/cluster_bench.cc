// Story-clustering speed and memory (bench/cluster runs it): tidings'
// StoryClusterer and the reference TF-IDF clusterer, each holding the same
// number of live stories, assign the same stream of new articles (half
// follow-ups of a live story, half new events) in one process on one core.
//
//   tidings_cluster_bench [--stories N] [--articles N] [--warmup N] [--reference-seconds S] [--json]
//
// The articles are synthetic but shaped like news: a Zipf vocabulary of
// general words, and per event a few topic words, capitalised names and
// numbers. Building the state is not timed; the rates are per CPU second.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <random>
#include <string>
#include <vector>

#include "cluster/cluster.h"
#include "cluster/reference.h"

using namespace tidings;
using namespace tidings::cluster;

namespace {

constexpr int kVocabulary = 50000;
constexpr int kBodyWords = 180;

struct Corpus {
  std::vector<std::string> words;
  std::discrete_distribution<int> zipf;
  std::mt19937_64 rng{20261127};

  Corpus() {
    std::vector<double> p;
    for (int i = 0; i < kVocabulary; ++i) {
      std::string w;
      for (int n = i; w.size() < 3 || n > 0; n /= 21) w.push_back("bcdfghjklmnpqrstvwxyz"[n % 21]), w.push_back("aeiou"[n % 5]);
      words.push_back(w);
      p.push_back(1.0 / (i + 1));
    }
    zipf = std::discrete_distribution<int>(p.begin(), p.end());
  }

  // An article of event `event`: its words, names and numbers are fixed by
  // the event number, the rest drawn from the general vocabulary.
  ClusterDoc article(uint64_t event, int64_t at) {
    std::mt19937_64 own(event * 7919 + 1);
    auto topic = [&] { return words[1000 + own() % (kVocabulary - 1000)]; };
    std::vector<std::string> names;
    for (int i = 0; i < 4; ++i) {
      std::string n = topic();
      n[0] = static_cast<char>(n[0] - 32);
      names.push_back(n + std::to_string(event % 997));
    }
    std::vector<std::string> topics;
    for (int i = 0; i < 8; ++i) topics.push_back(topic());
    ClusterDoc d;
    d.language = "en";
    d.published_at = Instant(std::chrono::seconds(at));
    d.title = names[rng() % 4] + " " + topics[rng() % 8] + " " + words[zipf(rng)] + " " + topics[rng() % 8];
    for (int i = 0; i < kBodyWords; ++i) {
      const uint64_t r = rng() % 100;
      if (r < 20) {
        d.text += topics[rng() % 8];
      } else if (r < 28) {
        d.text += "the " + names[rng() % 4];
      } else if (r < 30) {
        d.text += std::to_string(event % 100000);
      } else {
        d.text += words[zipf(rng)];
      }
      d.text += (i % 15 == 14) ? ". " : " ";
    }
    return d;
  }
};

double cpu_seconds() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

long peak_rss_kb() {
  rusage u;
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

struct Run {
  double seconds = 0;
  size_t articles = 0, correct = 0, memory = 0, total_articles = 0;
};

// Follow-ups (even i) continue a live event; the others are new events.
uint64_t event_of(size_t i, size_t stories, std::mt19937_64& rng) {
  return i % 2 == 0 ? rng() % stories : stories + i;
}

}  // namespace

int main(int argc, char** argv) {
  size_t stories = 100000, articles = 20000, warmup = 50000;
  double reference_seconds = 20;
  bool json = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--stories") && i + 1 < argc) stories = std::stoul(argv[++i]);
    else if (!std::strcmp(argv[i], "--articles") && i + 1 < argc) articles = std::stoul(argv[++i]);
    else if (!std::strcmp(argv[i], "--warmup") && i + 1 < argc) warmup = std::stoul(argv[++i]);
    else if (!std::strcmp(argv[i], "--reference-seconds") && i + 1 < argc) reference_seconds = std::stod(argv[++i]);
    else if (!std::strcmp(argv[i], "--json")) json = true;
    else {
      std::fprintf(stderr, "usage: %s [--stories N] [--articles N] [--warmup N] [--reference-seconds S] [--json]\n", argv[0]);
      return 2;
    }
  }
  Corpus corpus;
  const int64_t t0 = 1790000000;
  std::vector<ClusterDoc> stream;
  std::vector<uint64_t> events;
  std::mt19937_64 pick(7);
  for (size_t i = 0; i < articles; ++i) {
    events.push_back(event_of(i, stories, pick));
    stream.push_back(corpus.article(events.back(), t0 + static_cast<int64_t>(stories + i)));
  }

  // tidings: the live stories are replayed with add_to, as a restart does.
  Run ours;
  {
    StoryClusterer c;
    for (size_t s = 0; s < stories; ++s) c.add_to(corpus.article(s, t0 + static_cast<int64_t>(s)), static_cast<int64_t>(s + 1));
    // Untimed warm-up on as many follow-ups: a replayed story's terms keep
    // the idf of the moment they were added, and each story refreshes them
    // once the first time it is a candidate (docs/stories.md); the timed
    // run then measures the steady state, not that one-off catch-up.
    for (size_t i = 0; i < warmup; ++i) c.add(corpus.article(pick() % stories, t0 + static_cast<int64_t>(stories)));
    const double start = cpu_seconds();
    for (size_t i = 0; i < stream.size(); ++i) {
      const int64_t story = c.add(stream[i]);
      ours.correct += events[i] < stories ? story == static_cast<int64_t>(events[i] + 1) : story > static_cast<int64_t>(stories);
    }
    ours.seconds = cpu_seconds() - start;
    ours.articles = stream.size();
    ours.total_articles = stories + warmup + stream.size();
    ours.memory = c.memory_bytes();
    if (c.live_stories() < stories) std::fprintf(stderr, "warning: only %zu live stories\n", c.live_stories());
  }
  const long rss_ours = peak_rss_kb();

  // The reference compares every story: it runs until its time is up.
  Run ref;
  {
    ReferenceClusterer r;
    for (size_t s = 0; s < stories; ++s) r.start_story(corpus.article(s, t0 + static_cast<int64_t>(s)));
    const double start = cpu_seconds();
    for (size_t i = 0; i < stream.size() && cpu_seconds() - start < reference_seconds; ++i) {
      const int64_t story = r.add(stream[i]);
      ref.correct += events[i] < stories ? story == static_cast<int64_t>(events[i] + 1) : story > static_cast<int64_t>(stories);
      ++ref.articles;
    }
    ref.seconds = cpu_seconds() - start;
    ref.total_articles = stories + ref.articles;
    ref.memory = r.memory_bytes();
  }

  auto rate = [](const Run& r) { return r.seconds > 0 ? static_cast<double>(r.articles) / r.seconds : 0.0; };
  auto per_article = [](const Run& r) { return static_cast<double>(r.memory) / static_cast<double>(r.total_articles); };
  if (json) {
    std::printf(
        "{\"live_stories\": %zu, \"tidings\": {\"articles\": %zu, \"cpu_seconds\": %.3f, \"articles_per_second\": %.1f, "
        "\"bytes_per_article\": %.1f, \"correct\": %zu}, \"reference\": {\"articles\": %zu, \"cpu_seconds\": %.3f, "
        "\"articles_per_second\": %.1f, \"bytes_per_article\": %.1f, \"correct\": %zu}, \"speedup\": %.1f, "
        "\"peak_rss_kb\": %ld}\n",
        stories, ours.articles, ours.seconds, rate(ours), per_article(ours), ours.correct, ref.articles, ref.seconds,
        rate(ref), per_article(ref), ref.correct, rate(ref) > 0 ? rate(ours) / rate(ref) : 0.0, rss_ours);
    return 0;
  }
  std::printf("live stories: %zu (one core, CPU time; state built untimed)\n", stories);
  std::printf("%-10s %9s %9s %12s %14s %9s\n", "clusterer", "articles", "cpu s", "articles/s", "bytes/article", "correct");
  for (const auto& [name, r] : {std::pair{"tidings", &ours}, std::pair{"reference", &ref}}) {
    std::printf("%-10s %9zu %9.2f %12.1f %14.1f %8.1f%%\n", name, r->articles, r->seconds, rate(*r), per_article(*r),
                r->articles ? 100.0 * static_cast<double>(r->correct) / static_cast<double>(r->articles) : 0.0);
  }
  std::printf("speed-up over the reference: %.1fx; memory per article: %.2fx the reference's\n",
              rate(ref) > 0 ? rate(ours) / rate(ref) : 0.0, per_article(ours) / per_article(ref));
  std::printf("peak RSS of the tidings run: %.1f MB\n", static_cast<double>(rss_ours) / 1024);
  return 0;
}
