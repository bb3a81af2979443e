// A record of a stream (JSON Lines, WARC) as it is handed on: to the
// Cleaner, what its container said about the document; to the writer, the
// fields written beside its output; to error reports, the key naming it.
// The command line and the Python module both hand records on through here.
#ifndef WEBCLEAN_RECORDS_RECORDS_H_
#define WEBCLEAN_RECORDS_RECORDS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "sink/sink.h"
#include "source/records.h"
#include "webclean/cleaner.h"

namespace webclean::records {

// The record's URL, HTTP content type and language, its kind when it says
// one ("html", "text"), and the site its repeated lines are counted in:
// its URL's host, else `path`, the file it came from.
DocumentInfo document_info(const source::Record& record, std::string_view path);

// The fields Sink writes beside the record's output. They point into
// `record`, which must outlive them.
sink::RecordFields output_fields(const source::Record& record);

// The record's key in --errors and in messages: its id, else "#" and its
// position in its stream (`number`, from 1).
std::string record_key(const source::Record& record, uint64_t number);

// Whether the repetition filter's first pass reads a record stream (WARC
// records when `warc`, else JSON Lines): it judges text, so a WARC file of
// pages is not read twice for it (a bulk run of saved pages read and
// unzipped everything twice for nothing: the trafilatura set 3.35 s ->
// 4.27 s at -j1); a WET file (named .wet, .wet.gz) holds text and is read.
bool first_pass_reads(std::string_view path, bool warc);

}  // namespace webclean::records

#endif  // WEBCLEAN_RECORDS_RECORDS_H_
