// Stopping a bulk run cleanly on SIGINT or SIGTERM: the handler only
// records the signal; the pipeline polls for it, stops taking work,
// removes unfinished outputs and exits with 128 + the signal's number.
#ifndef WEBCLEAN_CLI_SIGNALS_H_
#define WEBCLEAN_CLI_SIGNALS_H_

namespace webclean::cli {

// Installs the handlers. A second signal of the same kind ends the
// process at once (the handler resets itself to the default).
void install_stop_handlers();

// The signal that asked the run to stop, or 0.
int stop_signal();

}  // namespace webclean::cli

#endif  // WEBCLEAN_CLI_SIGNALS_H_
