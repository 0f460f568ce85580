// Byte sources for the WARC reader: memory, plain files (skips by seeking)
// and multi-member gzip (RFC 1952) with resynchronisation after corruption.
#include "collect/byte_source.h"

#include <sys/stat.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <utility>

namespace tidings::collect {

uint64_t ByteSource::skip(uint64_t n) {
  char scratch[1 << 16];
  uint64_t done = 0;
  while (done < n) {
    const size_t want = static_cast<size_t>(std::min<uint64_t>(n - done, sizeof scratch));
    const size_t got = read(scratch, want);
    if (got == 0) break;
    done += got;
  }
  return done;
}

bool looks_like_gzip(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
         static_cast<unsigned char>(data[1]) == 0x8b;
}

namespace {

class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string_view data) : data_(data) {}

  size_t read(char* out, size_t n) override {
    const size_t k = std::min(n, data_.size() - pos_);
    std::memcpy(out, data_.data() + pos_, k);
    pos_ += k;
    return k;
  }

  uint64_t skip(uint64_t n) override {
    const size_t k = static_cast<size_t>(std::min<uint64_t>(n, data_.size() - pos_));
    pos_ += k;
    return k;
  }

  std::optional<uint64_t> remaining() const override { return data_.size() - pos_; }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

class FileSource final : public ByteSource {
 public:
  explicit FileSource(std::FILE* file) : file_(file) {
    struct stat st;
    if (::fstat(fileno(file_), &st) == 0 && S_ISREG(st.st_mode)) size_ = st.st_size;
  }
  ~FileSource() override { std::fclose(file_); }

  size_t read(char* out, size_t n) override {
    if (failure_) return 0;
    const size_t got = std::fread(out, 1, n, file_);
    if (got == 0 && std::ferror(file_)) {
      failure_ = StreamFailure{ErrorCode::kIo, "read error", std::strerror(errno)};
    }
    return got;
  }

  uint64_t skip(uint64_t n) override {
    const off_t pos = ::ftello(file_);
    if (size_ < 0 || pos < 0 || failure_) return ByteSource::skip(n);
    const uint64_t left = pos < size_ ? static_cast<uint64_t>(size_ - pos) : 0;
    const uint64_t k = std::min(n, left);
    if (::fseeko(file_, pos + static_cast<off_t>(k), SEEK_SET) != 0) return ByteSource::skip(n);
    return k;
  }

  std::optional<uint64_t> remaining() const override {
    const off_t pos = ::ftello(file_);
    if (size_ < 0 || pos < 0) return std::nullopt;
    return pos < size_ ? static_cast<uint64_t>(size_ - pos) : 0;
  }

  std::optional<StreamFailure> failure() const override { return failure_; }

 private:
  std::FILE* file_;
  off_t size_ = -1;
  std::optional<StreamFailure> failure_;
};

// Inflates gzip members back to back. Keeps up to kKeepBehind compressed
// bytes already consumed, so that after a corrupt member the search for the
// next member can start where the corrupt one began (a truncated member
// followed by a good one is the common case: inflate reads into the good
// one before it notices).
class GzipSource final : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<ByteSource> in)
      : in_(std::move(in)), buf_(new char[kCapacity]) {
    if (inflateInit2(&zs_, 15 + 32) != Z_OK) {
      fail(ErrorCode::kInternal, "cannot initialise zlib", "");
      return;
    }
    zlib_ready_ = true;
  }
  ~GzipSource() override {
    if (zlib_ready_) inflateEnd(&zs_);
  }

  size_t read(char* out, size_t n) override;
  std::optional<StreamFailure> failure() const override { return failure_; }
  bool resume() override;
  std::string locate(uint64_t offset) const override;

  void forget_before(uint64_t offset) override {
    while (members_.size() >= 2 && members_[1].first <= offset) members_.pop_front();
  }

 private:
  static constexpr size_t kKeepBehind = 64 << 10;
  static constexpr size_t kVerifyWindow = 1 << 10;  // room for a gzip header and 5 bytes
  static constexpr size_t kCapacity = kKeepBehind + (128 << 10);
  static constexpr size_t kMaxMembers = 1 << 16;

  uint64_t abs_pos(size_t index) const { return in_offset_ + index; }
  size_t ensure_input(size_t k);
  void note_member_start(uint64_t out_offset, uint64_t in_offset);
  bool verify_candidate(size_t index);
  void fail(ErrorCode code, std::string what, std::string detail) {
    failure_ = StreamFailure{code, std::move(what), std::move(detail)};
  }

  std::unique_ptr<ByteSource> in_;
  std::unique_ptr<char[]> buf_;  // kCapacity bytes
  size_t begin_ = 0, end_ = 0;   // unconsumed input is buf_[begin_, end_)
  uint64_t in_offset_ = 0;       // file offset of buf_[0]
  bool input_done_ = false;
  z_stream zs_{};
  bool zlib_ready_ = false;
  bool at_member_start_ = true;
  uint64_t member_in_offset_ = 0;  // where the current member starts in the file
  uint64_t out_total_ = 0;         // bytes returned by read()
  std::string pending_;            // bytes inflated while verifying a member
  std::deque<std::pair<uint64_t, uint64_t>> members_;  // (output offset, file offset)
  std::optional<StreamFailure> failure_;
};

size_t GzipSource::ensure_input(size_t k) {
  if (end_ - begin_ >= k || input_done_) return end_ - begin_;
  if (end_ + k > kCapacity || end_ == kCapacity) {
    const size_t drop = begin_ > kKeepBehind ? begin_ - kKeepBehind : 0;
    std::memmove(buf_.get(), buf_.get() + drop, end_ - drop);
    in_offset_ += drop;
    begin_ -= drop;
    end_ -= drop;
  }
  while (end_ - begin_ < k && end_ < kCapacity) {
    const size_t got = in_->read(buf_.get() + end_, kCapacity - end_);
    if (got == 0) {
      input_done_ = true;
      break;
    }
    end_ += got;
  }
  return end_ - begin_;
}

void GzipSource::note_member_start(uint64_t out_offset, uint64_t in_offset) {
  member_in_offset_ = in_offset;
  if (!members_.empty() && members_.back().first == out_offset) {
    members_.back().second = in_offset;  // the previous member was empty
    return;
  }
  // Only hostile input has this many members inside one record; keep the
  // first (the record's start) and drop the oldest after it.
  if (members_.size() >= kMaxMembers) members_.erase(members_.begin() + 1);
  members_.emplace_back(out_offset, in_offset);
}

size_t GzipSource::read(char* out, size_t n) {
  if (!pending_.empty()) {
    const size_t k = std::min(n, pending_.size());
    std::memcpy(out, pending_.data(), k);
    pending_.erase(0, k);
    out_total_ += k;
    return k;
  }
  size_t produced = 0;
  while (produced == 0 && !failure_ && n > 0) {
    if (at_member_start_) {
      const size_t have = ensure_input(2);
      if (have == 0) {
        if (auto f = in_->failure()) failure_ = f;
        return 0;  // clean end between members
      }
      if (!looks_like_gzip({buf_.get() + begin_, have})) {
        member_in_offset_ = abs_pos(begin_);
        fail(ErrorCode::kInvalidInput,
             "data at byte " + std::to_string(abs_pos(begin_)) + " is not a gzip member", "");
        return 0;
      }
      inflateReset(&zs_);
      note_member_start(out_total_, abs_pos(begin_));
      at_member_start_ = false;
    }
    if (ensure_input(1) == 0) {
      if (auto f = in_->failure()) {
        failure_ = f;
      } else {
        fail(ErrorCode::kTruncated, "truncated gzip stream", "");
      }
      return 0;
    }
    zs_.next_in = reinterpret_cast<Bytef*>(buf_.get() + begin_);
    zs_.avail_in = static_cast<uInt>(end_ - begin_);
    zs_.next_out = reinterpret_cast<Bytef*>(out);
    zs_.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
    const uInt out_before = zs_.avail_out;
    const int rc = inflate(&zs_, Z_NO_FLUSH);
    begin_ = end_ - zs_.avail_in;
    produced = out_before - zs_.avail_out;
    out_total_ += produced;
    if (rc == Z_STREAM_END) {
      at_member_start_ = true;
    } else if (rc != Z_OK && !(rc == Z_BUF_ERROR && zs_.avail_in == 0)) {
      fail(ErrorCode::kInvalidInput,
           "corrupt gzip member at byte " + std::to_string(member_in_offset_),
           zs_.msg ? zs_.msg : "");
    }
  }
  return produced;
}

// Inflates the first bytes of a member starting at buf_[index]; accepts it
// when they are "WARC/" (a false gzip magic inside deflate data almost never
// passes that).
bool GzipSource::verify_candidate(size_t index) {
  inflateReset(&zs_);
  char head[5];
  zs_.next_in = reinterpret_cast<Bytef*>(buf_.get() + index);
  zs_.avail_in = static_cast<uInt>(end_ - index);
  zs_.next_out = reinterpret_cast<Bytef*>(head);
  zs_.avail_out = sizeof head;
  int rc = Z_OK;
  while (zs_.avail_out > 0 && rc == Z_OK) {
    const uInt in_before = zs_.avail_in, out_before = zs_.avail_out;
    rc = inflate(&zs_, Z_NO_FLUSH);
    if (zs_.avail_in == in_before && zs_.avail_out == out_before) break;
  }
  if (zs_.avail_out != 0 || std::memcmp(head, "WARC/", 5) != 0) return false;
  begin_ = end_ - zs_.avail_in;
  at_member_start_ = rc == Z_STREAM_END;
  pending_.assign(head, sizeof head);
  note_member_start(out_total_, abs_pos(index));
  return true;
}

bool GzipSource::resume() {
  // A truncated member may be followed by good ones that inflate consumed
  // as if they were its data: look behind for them too.
  if (!failure_ || failure_->code == ErrorCode::kIo || !zlib_ready_) return false;
  uint64_t cursor = member_in_offset_ + 1;
  while (true) {
    if (cursor < in_offset_) cursor = in_offset_;
    if (cursor > abs_pos(end_)) return false;
    begin_ = static_cast<size_t>(cursor - in_offset_);
    const size_t have = ensure_input(kVerifyWindow);
    if (have < 3) return false;
    const char* b = buf_.get() + begin_;
    static const char kMagic[] = {'\x1f', '\x8b', '\x08'};
    const char* hit = std::search(b, b + have, kMagic, kMagic + 3);
    if (hit == b + have) {
      cursor = abs_pos(end_) - 2;
      if (input_done_) return false;
      continue;
    }
    const size_t index = static_cast<size_t>(hit - buf_.get());
    if (end_ - index < kVerifyWindow && !input_done_ && index > begin_) {
      cursor = abs_pos(index);  // load more input behind the candidate first
      continue;
    }
    if (verify_candidate(index)) {
      failure_.reset();
      return true;
    }
    cursor = abs_pos(index) + 1;
  }
}

std::string GzipSource::locate(uint64_t offset) const {
  auto it = std::upper_bound(members_.begin(), members_.end(), offset,
                             [](uint64_t v, const auto& m) { return v < m.first; });
  if (it == members_.begin()) return std::to_string(offset);
  --it;
  if (it->first == offset) return std::to_string(it->second);
  return std::to_string(it->second) + "+" + std::to_string(offset - it->first);
}

}  // namespace

std::unique_ptr<ByteSource> memory_source(std::string_view data) {
  return std::make_unique<MemorySource>(data);
}

std::unique_ptr<ByteSource> file_source(std::FILE* file) {
  return std::make_unique<FileSource>(file);
}

std::unique_ptr<ByteSource> gzip_source(std::unique_ptr<ByteSource> compressed) {
  return std::make_unique<GzipSource>(std::move(compressed));
}

}  // namespace tidings::collect
