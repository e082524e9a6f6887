// PathTable: the spec's well-formed path rules and atom round trips.
#include "path_table.h"

#include <gtest/gtest.h>

namespace praxis::xrsim {
namespace {

TEST(PathTable, AcceptsTheSpecsWellFormedPaths) {
  PathTable table;
  for (const char* path :
       {"/foo", "/f/o", "/foo/bar/baz", "/.f", "/f.", "/a./.a/.a./a.a", "/.....ok", "/999",
        "/a_9-z.", "/-/_", "/user/hand/left/input/select/click"}) {
    XrPath atom = XR_NULL_PATH;
    EXPECT_EQ(table.intern(path, &atom), XR_SUCCESS) << path;
    EXPECT_NE(atom, XR_NULL_PATH) << path;
    EXPECT_EQ(table.lookup(atom), path);
  }
}

TEST(PathTable, RejectsMalformedPathsWithPathFormatInvalid) {
  PathTable table;
  for (const char* path : {"", "/", "//", "/dont_end_with_slash/", "/a//a", "\\a", "/ ", "/wha?",
                           "/aaA", "foo", "oof/", "/../foo", "/.", "/../.."}) {
    XrPath atom = XR_NULL_PATH;
    EXPECT_EQ(table.intern(path, &atom), XR_ERROR_PATH_FORMAT_INVALID) << path;
  }
}

TEST(PathTable, MaximumLengthCountsTheTerminatingNul) {
  PathTable table;
  XrPath atom = XR_NULL_PATH;
  const std::string longest = "/" + std::string(XR_MAX_PATH_LENGTH - 2, 'a');
  EXPECT_EQ(table.intern(longest, &atom), XR_SUCCESS);
  EXPECT_EQ(table.intern(longest + "a", &atom), XR_ERROR_PATH_FORMAT_INVALID);
}

TEST(PathTable, SameStringSameAtomAndUnknownAtomsAreInvalid) {
  PathTable table;
  XrPath a = XR_NULL_PATH;
  XrPath b = XR_NULL_PATH;
  ASSERT_EQ(table.intern("/user/hand/left", &a), XR_SUCCESS);
  ASSERT_EQ(table.intern("/user/hand/left", &b), XR_SUCCESS);
  EXPECT_EQ(a, b);
  EXPECT_EQ(table.find("/user/hand/left"), a);
  EXPECT_EQ(table.find("/user/hand/right"), XR_NULL_PATH);
  EXPECT_FALSE(table.isValid(XR_NULL_PATH));
  EXPECT_FALSE(table.isValid(XrPath{0x1234}));  // the CTS's made-up "invalid path"
}

TEST(PathTable, ComponentsAreNamesWithoutSlashes) {
  EXPECT_TRUE(PathTable::isWellFormedComponent("grab_object"));
  EXPECT_FALSE(PathTable::isWellFormedComponent("INVALID PATH COMPONENT"));
  EXPECT_FALSE(PathTable::isWellFormedComponent("a/b"));
  EXPECT_FALSE(PathTable::isWellFormedComponent(""));
  EXPECT_FALSE(PathTable::isWellFormedComponent(".."));
}

}  // namespace
}  // namespace praxis::xrsim
