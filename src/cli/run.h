// Running the batch: a fixed pool of worker threads shares one Cleaner and
// takes jobs in turn; each job reads, cleans, renders and writes one
// document. Output to stdout and error lines come out in input order.
#ifndef WEBCLEAN_CLI_RUN_H_
#define WEBCLEAN_CLI_RUN_H_

#include <cstddef>

#include "cli/inputs.h"
#include "cli/options.h"
#include "webclean/cleaner.h"

namespace webclean::cli {

// Runs every job of `plan` with options.jobs threads. Each failure is
// reported as one line "webclean: PATH: reason" on stderr. Returns the
// number of failed jobs.
size_t run_jobs(const Plan& plan, const Cleaner& cleaner, const CliOptions& options);

}  // namespace webclean::cli

#endif  // WEBCLEAN_CLI_RUN_H_
