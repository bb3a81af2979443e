// Repetition across documents: the lines that recur on many documents of
// one site (its menu, its footer, "Join the mailing list") are that site's
// boilerplate, whatever they look like on one page.
//
// A RepeatIndex counts, per site, on how many documents each line occurs
// (lines normalised for case and whitespace, kept as 64-bit hashes, never
// as text). Feed it every document first (add), then pass it to
// Cleaner::clean in DocumentInfo::repeats: a block whose text the index
// counts on min_documents or more documents of its site is dropped with
// the reason "repeated on N documents of SITE". Long prose is never
// counted (max_line_chars). add() and documents() may be called from many
// threads at once; an index shared by all workers of a run stays bounded
// at max_lines_per_site hashes per site and max_lines in all.
#ifndef WEBCLEAN_REPEAT_INDEX_H_
#define WEBCLEAN_REPEAT_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "webclean/export.h"

namespace webclean {

struct RepeatOptions {
  // A line on this many documents of one site is its boilerplate.
  uint32_t min_documents = 3;
  // Lines longer than this (in bytes, after normalisation) are prose: an
  // article syndicated twice must not lose its paragraphs.
  size_t max_line_chars = 200;
  // The memory bound: at most this many distinct lines are counted per
  // site; a site's later new lines are not counted once it is full.
  size_t max_lines_per_site = 1 << 16;
  // ...and at most this many in all (about 100 bytes each): an endless
  // stream of ever new sites stays within it.
  size_t max_lines = size_t{1} << 22;
};

class WEBCLEAN_API RepeatIndex {
 public:
  explicit RepeatIndex(const RepeatOptions& options = RepeatOptions{});
  ~RepeatIndex();
  RepeatIndex(const RepeatIndex&) = delete;
  RepeatIndex& operator=(const RepeatIndex&) = delete;

  static constexpr uint64_t kNoPosition = ~uint64_t{0};

  // Counts one document of `site`: each of its lines (a text dump's lines,
  // or the block texts of a page joined by newlines) once, however often
  // the document repeats it. `position` is its place in a stream read once
  // (0, 1, 2, ... in any order of calls); without one, the order of calls.
  void add(std::string_view site, std::string_view text);
  void add(std::string_view site, std::string_view text, uint64_t position);

  // On how many added documents of `site` the line occurs (normalised as
  // add() does); 0 for prose and for lines never seen. With `as_of`: on
  // how many of the documents at positions up to it, counted up to
  // min_documents, so that a stream's document is judged by what came
  // before it however far the counting has gone since.
  uint32_t documents(std::string_view site, std::string_view line,
                     uint64_t as_of = kNoPosition) const;
  // The same for all lines of one document at once (one lock, one lookup
  // of the site): out[i] for lines[i].
  void documents(std::string_view site, const std::vector<std::string_view>& lines, uint64_t as_of,
                 std::vector<uint32_t>& out) const;

  // A cluster's first pass: each task counts its part of the documents in
  // an index of its own, and the parts are merged into one, which then
  // holds what one index fed every document would (the same counts while
  // the caps are not reached; `other`'s documents as if added after this
  // index's, so a stream position p of `other` becomes p +
  // documents_added()). `other` must have the same min_documents; it is
  // unchanged. Throws std::invalid_argument otherwise.
  void merge(const RepeatIndex& other);
  // The index as bytes, to send it between processes, and back. The bytes
  // are for this library version and machine architecture only;
  // deserialize throws std::invalid_argument on anything else.
  std::string serialize() const;
  static std::unique_ptr<RepeatIndex> deserialize(std::string_view bytes);

  const RepeatOptions& options() const;
  // Documents added so far, of all sites.
  uint64_t documents_added() const;

  // The site of a document: the host of its URL, or else the folder its
  // file sits in ("" when it has neither).
  static std::string site_of(std::string_view url, std::string_view path);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace webclean

#endif  // WEBCLEAN_REPEAT_INDEX_H_
