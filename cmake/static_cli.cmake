# Sets WEBCLEAN_CLI_DEPENDENCIES, the libraries the command line links: the
# static archives of the library's dependencies when every one is found and
# WEBCLEAN_STATIC_CLI is on (the default outside sanitizer builds, whose
# runtime wants the shared C++ library), else the shared ones.
if(WEBCLEAN_SANITIZE)
  set(webclean_static_cli_default OFF)
else()
  set(webclean_static_cli_default ON)
endif()
option(WEBCLEAN_STATIC_CLI "Link the command line with static ICU, RE2, Gumbo, zlib, brotli and libstdc++"
       ${webclean_static_cli_default})

set(WEBCLEAN_CLI_DEPENDENCIES ${WEBCLEAN_LIB_DEPENDENCIES})
if(WEBCLEAN_STATIC_CLI)
  # In link order: a library before the ones it uses.
  set(webclean_static_archives gumbo re2 icui18n icuuc icudata z brotlidec brotlicommon)
  set(webclean_static_paths)
  foreach(name IN LISTS webclean_static_archives)
    find_library(WEBCLEAN_STATIC_${name} NAMES lib${name}.a)
    if(NOT WEBCLEAN_STATIC_${name})
      message(STATUS "webclean: no lib${name}.a, so the command line links the shared libraries")
      return()
    endif()
    list(APPEND webclean_static_paths ${WEBCLEAN_STATIC_${name}})
  endforeach()
  set(WEBCLEAN_CLI_DEPENDENCIES ${webclean_static_paths} nlohmann_json::nlohmann_json
      -static-libstdc++ -static-libgcc)
endif()
