# The versions of Gumbo and RE2 for `webclean --version`: neither library
# has a call that tells its version at run time, so each is compiled, as
# pkg-config reported it, into the one source file that returns it.
set(WEBCLEAN_RE2_VERSION "${RE2_VERSION}")
# Some re2.pc files (Debian 12's among them) say 0.0.0: the soname's
# number (libre2.so.9) at least names the ABI.
if(WEBCLEAN_RE2_VERSION STREQUAL "" OR WEBCLEAN_RE2_VERSION STREQUAL "0.0.0")
  set(WEBCLEAN_RE2_VERSION "version unknown")
  foreach(library IN LISTS RE2_LINK_LIBRARIES)
    get_filename_component(real "${library}" REALPATH)
    if(real MATCHES "libre2\\.so\\.([0-9]+)")
      set(WEBCLEAN_RE2_VERSION "ABI ${CMAKE_MATCH_1}")
    endif()
  endforeach()
endif()
set_source_files_properties(${PROJECT_SOURCE_DIR}/src/html/gumbo_version.cc
  PROPERTIES COMPILE_DEFINITIONS GUMBO_VERSION="${GUMBO_VERSION}")
set_source_files_properties(${PROJECT_SOURCE_DIR}/src/rules/re2_version.cc
  PROPERTIES COMPILE_DEFINITIONS RE2_VERSION="${WEBCLEAN_RE2_VERSION}")
