// Page classification (see page_kind.h). The markers are those the big
// bot-protection and paywall vendors put in their pages (Cloudflare,
// DataDome, PerimeterX/HUMAN, Akamai, Imperva, reCAPTCHA/hCaptcha/Turnstile;
// schema.org's isAccessibleForFree, the article:content_tier meta, paywall
// class names); each counts only when the extracted text is short too.
#include "extract/page_kind.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <vector>

#include "extract/text_ops.h"

namespace tidings::extract_detail {

namespace {

// A challenge or block page says little: an article text longer than this
// is an article whatever markers the page carries (Cloudflare injects its
// challenge-platform script into ordinary pages too).
constexpr size_t kChallengeMaxText = 600;
constexpr size_t kChallengeMaxBody = 3000;  // visible characters in <body>
// A paywall teaser: a lead paragraph or two. With the gated part named
// (hasPart.cssSelector) and empty, up to kPaywallMaxText; with the declared
// wordCount, under kPaywallWordShare of it; with only a marker, up to
// kPaywallTeaserChars.
constexpr size_t kPaywallMaxText = 1500;
constexpr size_t kPaywallTeaserChars = 1000;
constexpr double kPaywallWordShare = 0.5;
constexpr int32_t kGatedPartMinChars = 200;
// A JavaScript shell: next to nothing in the body.
constexpr size_t kShellMaxText = 200;
constexpr size_t kShellMaxBody = 600;
// A title alone (no vendor marker) is trusted only on a page this bare.
constexpr size_t kTitleOnlyMaxText = 300;
constexpr size_t kScanBytes = 64 * 1024;  // of scripts and body text searched for markers

// Titles of challenge and block pages (lower case, matched as prefixes).
constexpr std::array<std::string_view, 15> kChallengeTitles = {
    "access to this page has been denied",  // PerimeterX / HUMAN
    "just a moment",                 // Cloudflare managed challenge
    "attention required",            // Cloudflare block page
    "please wait... | cloudflare",
    "access denied",                 // Akamai, Cloudflare 1020, many WAFs
    "checking your browser",
    "ddos-guard",
    "pardon our interruption",       // Imperva / Distil
    "are you a robot",
    "robot check",
    "security check",
    "verifying you are human",
    "human verification",
    "bot verification",
    "captcha",
};

// Vendor markers in scripts, attributes or text (lower case, substrings).
// Only markers of the challenge itself: the vendors' ordinary page tags
// (DataDome's tags.js, PerimeterX's _pxAppId, Incapsula's resource script,
// Cloudflare's challenge-platform beacon) are on normal articles too.
constexpr std::array<std::string_view, 7> kChallengeMarkers = {
    "cf_chl_",               // Cloudflare challenge options and forms
    "cf-challenge",
    "cf-error-details",      // Cloudflare block page ("Attention Required")
    "captcha-delivery.com",  // DataDome's challenge
    "px-captcha",            // PerimeterX / HUMAN
    "incapsula incident",    // Imperva's block page
    "errors.edgesuite.net",  // Akamai's Access Denied reference page
};

// Words a challenge page says (lower case), for generic captcha interstitials.
constexpr std::array<std::string_view, 11> kChallengeWords = {
    "verify you are human", "verify that you are human", "not a robot", "are you a robot",
    "not a bot", "press & hold",
    "security check", "checking your browser", "complete the captcha",
    "enable javascript and cookies to continue", "you don't have permission to access",
};

constexpr std::array<std::string_view, 4> kCaptchaWidgets = {
    "g-recaptcha", "h-captcha", "cf-turnstile", "captcha",
};

constexpr std::array<std::string_view, 7> kPaywallClasses = {
    "paywall", "regwall", "subscriber-only", "subscribers-only", "premium-content-locked",
    "article-locked", "content-locked",
};

constexpr std::array<std::string_view, 9> kAppRoots = {
    "root", "app", "__next", "__nuxt", "___gatsby", "app-root", "svelte", "main-app", "react-root",
};

template <size_t N>
std::string_view first_found(std::string_view text, const std::array<std::string_view, N>& list) {
  for (std::string_view m : list) {
    if (contains_ci(text, m)) return m;
  }
  return {};
}

// The string or number value after `"key":` at `pos` (just past the key).
std::string json_value_at(std::string_view json, size_t pos) {
  size_t i = pos;
  while (i < json.size() && (json[i] == '"' || json[i] == ' ' || json[i] == ':' ||
                             json[i] == '\n' || json[i] == '\t' || json[i] == '\r')) {
    ++i;
  }
  size_t end = i;
  while (end < json.size() && json[end] != '"' && json[end] != ',' && json[end] != '}' &&
         json[end] != ']' && json[end] != '\n') {
    ++end;
  }
  return std::string(trim(json.substr(i, end - i)));
}

// What schema.org's paywall markup says (Google's "subscription and
// paywalled content" structured data): isAccessibleForFree false, the
// cssSelector of the gated part, and the declared wordCount. A plain scan of
// the JSON-LD text: the markup is flat and the values are scalars.
struct PaywallMarkup {
  bool not_free = false;
  std::vector<std::string> gated_selectors;  // ".class" or "#id"
  long word_count = 0;
};

void scan_paywall_markup(std::string_view json, PaywallMarkup& out) {
  const std::string lower = to_lower_ascii(json.substr(0, kScanBytes));
  auto each = [&](std::string_view key, auto&& take) {
    for (size_t pos = lower.find(key); pos != std::string::npos; pos = lower.find(key, pos + 1)) {
      take(pos + key.size());
    }
  };
  each("\"isaccessibleforfree\"", [&](size_t at) {
    const std::string v = json_value_at(lower, at);
    if (v == "false" || v == "no") out.not_free = true;
  });
  each("\"cssselector\"", [&](size_t at) {
    const std::string v = json_value_at(json, at);  // class names keep their case
    if (v.size() > 1 && (v[0] == '.' || v[0] == '#') && out.gated_selectors.size() < 8) {
      out.gated_selectors.push_back(v);
    }
  });
  each("\"wordcount\"", [&](size_t at) {
    const std::string v = json_value_at(lower, at);
    char* end = nullptr;
    const long n = std::strtol(v.c_str(), &end, 10);
    if (end != v.c_str() && n > 0 && n < 1000000) out.word_count = n;
  });
}

// `name` is one of the whitespace-separated classes in `cls`.
bool has_class(std::string_view cls, std::string_view name) {
  size_t i = 0;
  while (i < cls.size()) {
    while (i < cls.size() && (cls[i] == ' ' || cls[i] == '\t' || cls[i] == '\n')) ++i;
    size_t j = i;
    while (j < cls.size() && cls[j] != ' ' && cls[j] != '\t' && cls[j] != '\n') ++j;
    if (j > i && equals_ci(cls.substr(i, j - i), name)) return true;
    i = j;
  }
  return false;
}

// A challenge title: one of kChallengeTitles, followed by nothing but
// punctuation or "cloudflare" ("Just a moment...", "Attention Required! |
// Cloudflare"); an article titled "Security check delays" is not one.
bool is_challenge_title(std::string_view title) {
  for (std::string_view t : kChallengeTitles) {
    if (title.rfind(t, 0) != 0) continue;
    std::string rest;
    for (char c : title.substr(t.size())) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) rest += c;
    }
    if (rest.empty() || rest == "cloudflare") return true;
  }
  return false;
}

struct Signals {
  std::string title;        // <title>, lower case
  std::string body_text;    // visible body text (capped), lower case
  std::string scripts;      // inline scripts and script src attributes (capped), lower case
  std::string noscript;     // text of <noscript> elements, lower case
  size_t body_chars = 0;    // visible characters in <body>
  size_t text_chars = 0;    // visible characters of the extracted text
  PaywallMarkup paywall;    // JSON-LD or microdata isAccessibleForFree false, ...
  int32_t gated_chars = -1; // visible characters in the gated part; -1 = not in the page
  size_t text_words = 0;
  std::string marker_attribute;  // a challenge marker as an element's class or id
  std::string paywall_class;
  std::string captcha_widget;
  bool app_root = false;
  int scripts_count = 0;
};

Signals gather(const Dom& dom, const MetaTags& meta, const Article& article) {
  Signals s;
  s.text_chars = visible_length(article.text);
  // Only the paywall rules look at pages with more text than a challenge
  // or a shell has: the rest is not gathered for them (most pages).
  const bool short_text = s.text_chars <= std::max(kChallengeMaxText, kShellMaxText);
  if (!dom.titles.empty()) s.title = to_lower_ascii(trim(raw_text(dom.nodes[dom.titles[0]].xml, 512)));
  if (dom.body >= 0) {
    s.body_chars = static_cast<size_t>(dom.nodes[dom.body].all.chars);
    if (short_text) s.body_text = to_lower_ascii(inner_text(dom.nodes[dom.body].xml, kScanBytes));
  }
  for (int32_t i : dom.scripts) {
    const xmlNode* n = dom.nodes[i].xml;
    ++s.scripts_count;
    const std::string_view type = attr(n, "type");
    if (contains_ci(type, "ld+json")) {
      scan_paywall_markup(raw_text(n, 1 << 20), s.paywall);
      continue;
    }
    if (short_text && s.scripts.size() < kScanBytes) {
      s.scripts += to_lower_ascii(attr(n, "src"));
      s.scripts += ' ';
      s.scripts += to_lower_ascii(raw_text(n, kScanBytes - s.scripts.size()));
      s.scripts += '\n';
    }
  }
  const std::string_view free_meta = meta.get("isaccessibleforfree");
  if (equals_ci(trim(free_meta), "false")) s.paywall.not_free = true;
  if (equals_ci(trim(meta.get("article:content_tier")), "locked")) s.paywall.not_free = true;
  s.text_words = word_count(article.text);
  for (const Node& n : dom.nodes) {
    if (short_text && n.tag == Tag::kNoscript && s.noscript.size() < kScanBytes) {
      s.noscript += to_lower_ascii(inner_text(n.xml, 2048));
      s.noscript += ' ';
    }
    if (!n.cls.empty() || !n.id.empty()) {
      if (short_text && s.marker_attribute.empty()) {
        std::string_view m = first_found(n.cls, kChallengeMarkers);
        if (m.empty()) m = first_found(n.id, kChallengeMarkers);
        s.marker_attribute = m;
      }
      // An empty placeholder with a paywall class sits on free articles too.
      if (s.paywall_class.empty() && n.all.chars > 0) {
        std::string_view m = first_found(n.cls, kPaywallClasses);
        if (m.empty()) m = first_found(n.id, kPaywallClasses);
        s.paywall_class = m;
      }
      for (const std::string& sel : s.paywall.gated_selectors) {
        const std::string_view name = std::string_view(sel).substr(1);
        if (sel[0] == '.' ? has_class(n.cls, name) : equals_ci(n.id, name)) {
          s.gated_chars = std::max(s.gated_chars, 0) + n.all.chars;
        }
      }
      if (short_text && s.captcha_widget.empty()) {
        std::string_view m = first_found(n.cls, kCaptchaWidgets);
        if (m.empty()) m = first_found(n.id, kCaptchaWidgets);
        s.captcha_widget = m;
      }
      for (std::string_view root : kAppRoots) {
        if (equals_ci(n.id, root) && n.all.chars < static_cast<int32_t>(kShellMaxText)) {
          s.app_root = true;
        }
      }
    }
    if (n.tag == Tag::kCustom && n.xml != nullptr && n.xml->name != nullptr &&
        equals_ci(reinterpret_cast<const char*>(n.xml->name), "app-root")) {
      s.app_root = true;
    }
  }
  return s;
}

std::string challenge_reason(const Signals& s) {
  if (s.text_chars > kChallengeMaxText || s.body_chars > kChallengeMaxBody) return "";
  std::string_view marker = first_found(s.scripts, kChallengeMarkers);
  if (marker.empty()) marker = first_found(s.body_text, kChallengeMarkers);
  if (marker.empty()) marker = s.marker_attribute;
  if (!marker.empty()) return "bot challenge or block page (" + std::string(marker) + ")";
  if (s.text_chars <= kTitleOnlyMaxText && is_challenge_title(s.title)) {
    return "bot challenge or block page (title \"" + s.title + "\")";
  }
  const std::string_view words = first_found(s.body_text, kChallengeWords);
  if (!s.captcha_widget.empty() && !words.empty()) {
    return "captcha interstitial (" + s.captcha_widget + ", \"" + std::string(words) + "\")";
  }
  return "";
}

std::string paywall_reason(const Signals& s) {
  const std::string chars = std::to_string(s.text_chars) + " characters of text";
  if (s.paywall.not_free) {
    // The gated part named by hasPart.cssSelector: in the page with its
    // text, the page is readable (the paywall is drawn by a script).
    if (s.gated_chars >= 0) {
      if (s.gated_chars < kGatedPartMinChars && s.text_chars <= kPaywallMaxText) {
        return "paywall (isAccessibleForFree false, the gated part is empty), " + chars;
      }
      return "";
    }
    // The declared length: a teaser is much shorter.
    if (s.paywall.word_count > 0) {
      if (static_cast<double>(s.text_words) < kPaywallWordShare * s.paywall.word_count) {
        return "paywall (isAccessibleForFree false), " + std::to_string(s.text_words) + " of " +
               std::to_string(s.paywall.word_count) + " words";
      }
      return "";
    }
    if (s.text_chars <= kPaywallTeaserChars) return "paywall (isAccessibleForFree false), " + chars;
    return "";
  }
  if (!s.paywall_class.empty() && s.text_chars <= kPaywallTeaserChars) {
    return "paywall (\"" + s.paywall_class + "\" element), " + chars;
  }
  return "";
}

std::string shell_reason(const Signals& s) {
  if (s.text_chars > kShellMaxText || s.body_chars > kShellMaxBody) return "";
  const bool noscript_says = contains_ci(s.noscript, "javascript") &&
                             (contains_ci(s.noscript, "enable") || contains_ci(s.noscript, "turn on") ||
                              contains_ci(s.noscript, "requires") || contains_ci(s.noscript, "need") ||
                              contains_ci(s.noscript, "activate") || contains_ci(s.noscript, "allow"));
  if (noscript_says) return "needs JavaScript (<noscript> asks for it), no text without it";
  if (s.app_root && s.scripts_count > 0) return "needs JavaScript (an empty app root), no text without it";
  return "";
}

}  // namespace

PageVerdict classify_page(const Dom& dom, const MetaTags& meta, const Article& article) {
  const Signals s = gather(dom, meta, article);
  if (std::string r = challenge_reason(s); !r.empty()) return {PageKind::kBlocked, r};
  if (std::string r = paywall_reason(s); !r.empty()) return {PageKind::kPaywalled, r};
  if (std::string r = shell_reason(s); !r.empty()) return {PageKind::kNeedsJavascript, r};
  if (s.text_chars < kMinArticleChars) {
    return {PageKind::kEmpty, s.text_chars == 0 ? std::string("no article text found")
                                                : "only " + std::to_string(s.text_chars) +
                                                      " characters of text"};
  }
  return {};
}

}  // namespace tidings::extract_detail
