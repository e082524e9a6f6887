# Helpers that give every Praxis target the same warnings, sanitizers and include root.

set(PRAXIS_WARNINGS -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
    -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough -Werror)
# GCC 12 reports -Wmaybe-uninitialized false positives through std::optional and GLM copies at
# -O2 (GCC bug 105562 and friends); clang and -Wuninitialized still catch the real ones.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  list(APPEND PRAXIS_WARNINGS -Wno-maybe-uninitialized)
endif()

set(PRAXIS_SANITIZE_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined)
if(PRAXIS_SANITIZE)
  # Linked into every executable of the sanitizer build: see the file for why.
  add_library(praxis_sanitize_support OBJECT
              ${PROJECT_SOURCE_DIR}/tests/sanitize/keep_vulkan_drivers_loaded.cpp)
  target_compile_options(praxis_sanitize_support PRIVATE ${PRAXIS_WARNINGS}
                                                         ${PRAXIS_SANITIZE_FLAGS})
  set(PRAXIS_SANITIZE_ENVIRONMENT ${PROJECT_BINARY_DIR}/sanitize-environment.cmake)
  configure_file(${PROJECT_SOURCE_DIR}/tests/sanitize/environment.cmake.in
                 ${PRAXIS_SANITIZE_ENVIRONMENT} @ONLY)
endif()

function(praxis_target_defaults target)
  target_compile_options(${target} PRIVATE ${PRAXIS_WARNINGS})
  if(PRAXIS_SANITIZE)
    target_compile_options(${target} PRIVATE ${PRAXIS_SANITIZE_FLAGS})
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "EXECUTABLE")
      target_link_libraries(${target} PRIVATE praxis_sanitize_support)
      target_link_options(${target} PRIVATE -Wl,--export-dynamic-symbol=dlclose)
    endif()
  endif()
  if(PRAXIS_FUZZ)
    # libFuzzer's coverage feedback plus ASan/UBSan in every library a fuzzer links; the
    # fuzzer executables add -fsanitize=fuzzer themselves (it brings main()).
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link,address,undefined
                                             -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

# praxis_module(<name> SOURCES ... [PUBLIC_DEPS ...] [PRIVATE_DEPS ...])
# One static library per engine module, aliased praxis::<name>, include root engine/.
function(praxis_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(praxis_${name} STATIC ${ARG_SOURCES})
  add_library(praxis::${name} ALIAS praxis_${name})
  target_include_directories(praxis_${name} PUBLIC ${PROJECT_SOURCE_DIR}/engine)
  target_link_libraries(praxis_${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  set_target_properties(praxis_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  praxis_target_defaults(praxis_${name})
endfunction()

# praxis_executable(<name> SOURCES ... DEPS ...)
function(praxis_executable name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS})
  praxis_target_defaults(${name})
endfunction()

# praxis_test(<name> SOURCES ... DEPS ... [LABELS ...])
# A GoogleTest executable registered with CTest test by test.
# Tests never touch the user's data folder (outbox, model cache, trainee id): they get one
# of their own under the build folder.
set(PRAXIS_TEST_ENVIRONMENT "XDG_DATA_HOME=${PROJECT_BINARY_DIR}/test-data-home")

function(praxis_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT;LABELS" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main GTest::gmock)
  target_compile_definitions(${name} PRIVATE PRAXIS_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
                                             PRAXIS_BINARY_DIR="${PROJECT_BINARY_DIR}")
  praxis_target_defaults(${name})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  # One label and one environment entry: CMake 3.25's gtest_discover_tests writes each
  # PROPERTIES list element as its own argument, so a second one would become a property name.
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60
                       PROPERTIES LABELS "${ARG_LABELS}" TIMEOUT ${ARG_TIMEOUT}
                                  ENVIRONMENT "${PRAXIS_TEST_ENVIRONMENT}")
  praxis_sanitize_test_environment()
endfunction()

# For tests added with add_test: the same isolated environment, a label and a time limit.
function(praxis_test_properties test label timeout)
  set_tests_properties(${test} PROPERTIES LABELS ${label} TIMEOUT ${timeout}
                                          ENVIRONMENT "${PRAXIS_TEST_ENVIRONMENT}")
  praxis_sanitize_test_environment()
endfunction()

# A test program that needs an X server runs under Xvfb (package xvfb). -noreset: Xvfb
# otherwise resets when its last client leaves, and the next test's connection can race the
# reset ("Failed to open display"). Without xvfb-run the test still exists and fails saying
# why: a missing test dependency must not shrink the suite into a green run.
function(praxis_xvfb_test name target timeout)
  find_program(PRAXIS_XVFB_RUN xvfb-run)
  if(PRAXIS_XVFB_RUN)
    add_test(NAME ${name}
             COMMAND ${PRAXIS_XVFB_RUN} -a -s "-screen 0 1280x720x24 -noreset" $<TARGET_FILE:${target}>)
  else()
    add_test(NAME ${name}
             COMMAND sh -c "echo 'xvfb-run not found: apt-get install xvfb (make deps), then re-run cmake' >&2; exit 1")
  endif()
  praxis_test_properties(${name} integration ${timeout})
endfunction()

# In the sanitizer build, CTest reads tests/sanitize/environment.cmake before it runs this
# folder's tests: it sets ASAN/LSAN/UBSAN_OPTIONS in CTest's own environment, which every test
# and its child processes inherit. (Not the ENVIRONMENT property: gtest_discover_tests in
# CMake 3.25 takes one entry only, see praxis_test.) Registered per folder, so `ctest` run
# inside a test folder gets the options as well as one run at the top.
function(praxis_sanitize_test_environment)
  if(NOT PRAXIS_SANITIZE)
    return()
  endif()
  get_property(included DIRECTORY PROPERTY TEST_INCLUDE_FILES)
  if(NOT PRAXIS_SANITIZE_ENVIRONMENT IN_LIST included)
    set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${PRAXIS_SANITIZE_ENVIRONMENT})
  endif()
endfunction()
