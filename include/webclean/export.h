// Which of webclean's symbols a shared libwebclean exports: the library is
// compiled with hidden visibility, and only what carries WEBCLEAN_API (the
// public classes and functions of include/webclean/) is visible outside it.
#ifndef WEBCLEAN_EXPORT_H_
#define WEBCLEAN_EXPORT_H_

#if defined(_WIN32)
#define WEBCLEAN_API
#else
#define WEBCLEAN_API __attribute__((visibility("default")))
#endif

#endif  // WEBCLEAN_EXPORT_H_
