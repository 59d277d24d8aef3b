// Umbrella header for the system Graphviz C library (Debian libgraphviz-dev).
// Always the installed headers, never vendored copies: the package links the
// installed libgvc/libcgraph, so the declarations must come from the same version.
#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
