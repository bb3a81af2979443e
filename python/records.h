// Record streams for Python: the command line's own readers of JSON Lines,
// WARC and WET files (plain or gzipped) and its writer of their output
// lines, so that a Python pipeline (a Dask cluster, say) reads and writes
// exactly what `webclean -o DIR FILE` does, one Cleaner per process.
#ifndef WEBCLEAN_PYTHON_RECORDS_H_
#define WEBCLEAN_PYTHON_RECORDS_H_

#include <pybind11/pybind11.h>

#include <cstdint>
#include <string>

#include "source/records.h"
#include "webclean/cleaner.h"

namespace webclean::python {

// One record of a stream, as its file's reader read it.
struct PyRecord {
  source::Record record;
  bool warc = false;    // rendered as the command line renders WARC records
  uint64_t number = 0;  // 1-based position in its file
  std::string path;     // the file it came from: its folder is the site of a URL-less record
};

// The record's name in the command line's --errors log: its id, else
// "#N", its position in its file.
std::string record_key(const PyRecord& record);

// What the command line tells the Cleaner about a record: its URL, its
// HTTP content type and language, its kind, and its site for the
// repetition filter.
DocumentInfo record_document_info(const PyRecord& record);

// Adds webclean.Record, webclean.RecordFile, webclean.open_records and
// webclean.RepeatIndex to the module.
void bind_records(pybind11::module_& module);

}  // namespace webclean::python

#endif  // WEBCLEAN_PYTHON_RECORDS_H_
