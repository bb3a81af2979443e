// The unit of work of a bulk run and what comes of it. A work item is one
// document: a file (read by the worker, so that reading and gunzipping run
// in parallel too, or by the reader when a core is spare) or one record of
// a stream (read by the reader thread); the end of a stream is an item of
// its own, so that the ordered writer knows when a stream's output file is
// complete.
#ifndef WEBCLEAN_CLI_WORK_H_
#define WEBCLEAN_CLI_WORK_H_

#include <cstdint>
#include <optional>
#include <string>

#include "cli/inputs.h"
#include "cli/options.h"
#include "fetch/fetch.h"
#include "sink/sink.h"
#include "source/records.h"
#include "source/source.h"
#include "webclean/cleaner.h"

namespace webclean::cli {

enum class ItemType { kFile, kRecord, kStreamEnd };

struct WorkItem {
  ItemType type = ItemType::kFile;
  uint64_t sequence = 0;       // position in the output order
  size_t input = 0;            // index in Plan::inputs
  uint64_t record_number = 0;  // kRecord: 1-based position in its stream
  source::Record record;       // kRecord
  fetch::Page page;            // kFile of a URL: the page as fetched (the reader waits for it)
  // kFile read (and gunzipped) by the reader, with WorkContext::overlap_io;
  // else the worker reads it.
  std::optional<source::RawDocument> document;
  std::string error;    // kStreamEnd: why the stream could not be read
  uint64_t weight = 0;  // bytes held, for the bound on memory in flight
  // kRecord of a stream on stdin, with the repetition filter: judged by the
  // records counted up to this position (see WorkContext::stream_repeats).
  uint64_t repeats_as_of = RepeatIndex::kNoPosition;
};

struct Outcome {
  ItemType type = ItemType::kFile;
  uint64_t sequence = 0;
  size_t input = 0;
  uint64_t weight = 0;
  std::string output;  // for standard output, or a stream's JSON line
  std::string error;   // why it failed; "" when it did not
  // kRecord failures: the record as named on the error line ("record ID",
  // "record #N") and in the --errors log (the id, or "#N"); "" for a
  // failure the reader reported, whose message names its line already.
  std::string record_label;
  std::string record_key;
  uint64_t bytes_in = 0;       // kFile: input bytes read
  uint64_t bytes_written = 0;  // kFile: bytes the worker wrote to its output file
  // kFile with an output path and WorkContext::overlap_io: `output` is for
  // the writer to write there.
  bool write_pending = false;
};

// What every worker shares, read-only.
struct WorkContext {
  const Plan& plan;
  const CliOptions& options;
  const Cleaner& cleaner;
  const RepeatIndex* repeats = nullptr;  // the first pass's counts; null: no filter
  // Streams on stdin, read once: the reader counts each record before it
  // sends it, after a warm-up window of records (src/cli/repeats.h).
  RepeatIndex* stream_repeats = nullptr;
  // A core is left over for the reader and writer threads (fewer workers
  // than cores): the reader reads and gunzips files and the writer writes
  // output files, so that at -j1 both overlap with the cleaning. With a
  // worker on every core the workers do both, as no single thread could
  // keep up with many of them.
  bool overlap_io = false;
};

// How a file input's document is described to the Cleaner: in the first
// pass of the repetition filter as in the cleaning (a stream's record:
// records::document_info).
DocumentInfo file_info(const Input& input, const CliOptions& options);

// Cleans one item: reads the file, or takes the record, cleans, renders;
// a file with an output path is written there (atomically). Never throws:
// every failure, internal ones included, is in Outcome::error.
Outcome process(WorkItem& item, const WorkContext& context, Workspace& workspace);

}  // namespace webclean::cli

#endif  // WEBCLEAN_CLI_WORK_H_
