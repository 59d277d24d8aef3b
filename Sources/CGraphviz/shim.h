// Umbrella header for the system Graphviz C library (Debian libgraphviz-dev): types and
// declarations only. Always the installed headers, never vendored copies: the shim loads
// the installed libgvc at run time (gvs_load), so they must come from the same version.
// Nothing is linked at build time.
#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
