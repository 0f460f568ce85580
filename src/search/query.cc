// The query language (search.h) parsed into a QueryNode tree by recursive
// descent:
//   or    := and ("OR" and)*
//   and   := unary ("AND"? unary)*        juxtaposition is AND
//   unary := "NOT" unary | "-" primary | primary
//   primary := word | "phrase" | "(" or ")"
// A chunk of text that splits into several words ("al-Shifa", "U.S.") is a
// phrase, as Xapian's own QueryParser makes it.
#include <algorithm>

#include "core/utf8.h"
#include "search/query.h"

namespace tidings::search {

namespace {

constexpr int kMaxDepth = 32;

struct Token {
  enum class Kind { kWords, kAnd, kOr, kNot, kMinus, kOpen, kClose };
  Kind kind;
  std::vector<std::string> words;  // kWords: one (a term) or more (a phrase)
  bool quoted = false;
};

Result<void> check_text(std::string_view text) {
  if (text.size() > kMaxQueryBytes) {
    return fail(ErrorCode::kInvalidInput,
                "the query is longer than " + std::to_string(kMaxQueryBytes) + " bytes");
  }
  for (size_t i = 0; i < text.size();) {
    size_t bad = 0;
    const size_t n = utf8_sequence(text, i, bad);
    if (n == 0) return fail(ErrorCode::kInvalidInput, "the query is not valid UTF-8");
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      return fail(ErrorCode::kInvalidInput, "the query contains control characters");
    }
    i += n;
  }
  return {};
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

Result<std::vector<Token>> lex(std::string_view text) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (is_space(c)) {
      ++i;
    } else if (c == '(' || c == ')') {
      tokens.push_back({c == '(' ? Token::Kind::kOpen : Token::Kind::kClose, {}});
      ++i;
    } else if (c == '"') {
      const size_t close = text.find('"', i + 1);
      if (close == std::string_view::npos) {
        return fail(ErrorCode::kInvalidInput, "unbalanced quote: a phrase must end with \"");
      }
      Token t{Token::Kind::kWords, {}, true};
      for (Word& w : split_words(text.substr(i + 1, close - i - 1))) t.words.push_back(std::move(w.text));
      if (!t.words.empty()) tokens.push_back(std::move(t));
      i = close + 1;
    } else if (c == '-' && i + 1 < text.size() && !is_space(text[i + 1]) &&
               (tokens.empty() || i == 0 || is_space(text[i - 1]) || text[i - 1] == '(')) {
      tokens.push_back({Token::Kind::kMinus, {}});
      ++i;
    } else {
      size_t end = i;
      while (end < text.size() && !is_space(text[end]) && text[end] != '(' && text[end] != ')' &&
             text[end] != '"') {
        ++end;
      }
      const std::string_view chunk = text.substr(i, end - i);
      i = end;
      if (chunk == "AND") {
        tokens.push_back({Token::Kind::kAnd, {}});
      } else if (chunk == "OR") {
        tokens.push_back({Token::Kind::kOr, {}});
      } else if (chunk == "NOT") {
        tokens.push_back({Token::Kind::kNot, {}});
      } else {
        Token t{Token::Kind::kWords, {}};
        for (Word& w : split_words(chunk)) t.words.push_back(std::move(w.text));
        if (!t.words.empty()) tokens.push_back(std::move(t));
      }
    }
  }
  return tokens;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  Result<QueryNode> parse() {
    if (tokens_.empty()) return QueryNode{};
    auto node = parse_or(0);
    if (!node) return node;
    if (pos_ < tokens_.size()) {
      return fail(ErrorCode::kInvalidInput, "unbalanced parenthesis: a ) without its (");
    }
    return node;
  }

 private:
  bool at(Token::Kind k) const { return pos_ < tokens_.size() && tokens_[pos_].kind == k; }

  Result<QueryNode> parse_or(int depth) {
    if (depth > kMaxDepth) return fail(ErrorCode::kInvalidInput, "the query is nested too deep");
    QueryNode out{QueryNode::Kind::kOr};
    auto first = parse_and(depth);
    if (!first) return first;
    out.children.push_back(std::move(*first));
    while (at(Token::Kind::kOr)) {
      ++pos_;
      auto next = parse_and(depth);
      if (!next) return next;
      out.children.push_back(std::move(*next));
    }
    if (out.children.size() == 1) return std::move(out.children[0]);
    return out;
  }

  bool starts_operand() const {
    return at(Token::Kind::kWords) || at(Token::Kind::kOpen) || at(Token::Kind::kNot) ||
           at(Token::Kind::kMinus);
  }

  Result<QueryNode> parse_and(int depth) {
    QueryNode out{QueryNode::Kind::kAnd};
    bool first = true;
    while (true) {
      if (!first && at(Token::Kind::kAnd)) {
        ++pos_;
        if (!starts_operand()) return fail(ErrorCode::kInvalidInput, "AND needs a word after it");
      } else if (!first && !starts_operand()) {
        break;
      }
      first = false;
      bool negated = false;
      while (at(Token::Kind::kNot) || at(Token::Kind::kMinus)) {
        const bool is_not = at(Token::Kind::kNot);
        ++pos_;
        negated = !negated;
        if (!starts_operand()) {
          return fail(ErrorCode::kInvalidInput,
                      is_not ? "NOT needs a word after it" : "- needs a word right after it");
        }
      }
      auto operand = parse_primary(depth);
      if (!operand) return operand;
      (negated ? out.excluded : out.children).push_back(std::move(*operand));
    }
    if (out.children.empty()) {
      return fail(ErrorCode::kInvalidInput,
                  "a query cannot only exclude: write what to find, then NOT what to leave out");
    }
    if (out.children.size() == 1 && out.excluded.empty()) return std::move(out.children[0]);
    return out;
  }

  Result<QueryNode> parse_primary(int depth) {
    if (pos_ >= tokens_.size()) return fail(ErrorCode::kInvalidInput, "the query ends too early");
    Token& t = tokens_[pos_];
    switch (t.kind) {
      case Token::Kind::kWords: {
        ++pos_;
        words_ += t.words.size();
        if (words_ > kMaxQueryTerms) {
          return fail(ErrorCode::kInvalidInput,
                      "the query has more than " + std::to_string(kMaxQueryTerms) + " words");
        }
        QueryNode n{t.words.size() == 1 ? QueryNode::Kind::kTerm : QueryNode::Kind::kPhrase};
        n.words = std::move(t.words);
        return n;
      }
      case Token::Kind::kOpen: {
        ++pos_;
        if (at(Token::Kind::kClose)) return fail(ErrorCode::kInvalidInput, "empty parentheses");
        auto inner = parse_or(depth + 1);
        if (!inner) return inner;
        if (!at(Token::Kind::kClose)) {
          return fail(ErrorCode::kInvalidInput, "unbalanced parenthesis: a ( without its )");
        }
        ++pos_;
        return inner;
      }
      case Token::Kind::kClose:
        return fail(ErrorCode::kInvalidInput, "unbalanced parenthesis: a ) without its (");
      case Token::Kind::kAnd:
      case Token::Kind::kOr:
        return fail(ErrorCode::kInvalidInput,
                    std::string(t.kind == Token::Kind::kAnd ? "AND" : "OR") +
                        " needs a word before it");
      default:
        return fail(ErrorCode::kInvalidInput, "the query has an operator without a word");
    }
  }

  std::vector<Token> tokens_;
  size_t pos_ = 0;
  size_t words_ = 0;
};

void collect_positive(const QueryNode& n, std::vector<std::string>& out) {
  out.insert(out.end(), n.words.begin(), n.words.end());
  for (const QueryNode& c : n.children) collect_positive(c, out);
}

}  // namespace

Result<QueryNode> parse_query(std::string_view text) {
  if (auto ok = check_text(text); !ok) return tl::unexpected(ok.error());
  auto tokens = lex(text);
  if (!tokens) return tl::unexpected(tokens.error());
  const bool has_words = std::any_of(tokens->begin(), tokens->end(), [](const Token& t) {
    return t.kind == Token::Kind::kWords;
  });
  if (!tokens->empty() && !has_words) {
    return fail(ErrorCode::kInvalidInput, "the query has no words to search for");
  }
  return Parser(std::move(*tokens)).parse();
}

std::string describe(const QueryNode& n) {
  switch (n.kind) {
    case QueryNode::Kind::kAll: return "*";
    case QueryNode::Kind::kTerm: return n.words[0];
    case QueryNode::Kind::kPhrase: {
      std::string s = "\"";
      for (size_t i = 0; i < n.words.size(); ++i) s += (i ? " " : "") + n.words[i];
      return s + "\"";
    }
    case QueryNode::Kind::kAnd:
    case QueryNode::Kind::kOr: {
      std::string s = n.kind == QueryNode::Kind::kAnd ? "(AND" : "(OR";
      for (const QueryNode& c : n.children) s += " " + describe(c);
      for (const QueryNode& c : n.excluded) s += " (NOT " + describe(c) + ")";
      return s + ")";
    }
  }
  return "";
}

std::vector<std::string> positive_words(const QueryNode& node) {
  std::vector<std::string> out;
  collect_positive(node, out);
  return out;
}

}  // namespace tidings::search
