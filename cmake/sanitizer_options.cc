// Default options of AddressSanitizer and UndefinedBehaviorSanitizer,
// compiled into every executable of a WEBCLEAN_SANITIZE build so that ctest,
// the command-line tests (which run the built program) and a developer's
// shell all check the same way; ASAN_OPTIONS and UBSAN_OPTIONS still
// override them.

// Stop at the first error (the build also passes -fno-sanitize-recover=all),
// report leaks at exit, and catch the stack and string misuses ASan only
// checks on request.
extern "C" const char* __asan_default_options() {
  return "halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:"
         "strict_string_checks=1:check_initialization_order=1:strict_init_order=1";
}

extern "C" const char* __ubsan_default_options() {
  return "halt_on_error=1:print_stacktrace=1";
}
