// The target's code is all in include/CMemoryHints.h (static inline); SwiftPM needs a
// source file to build a C target.
#include "CMemoryHints.h"
