#ifndef CMEMORYHINTS_H
#define CMEMORYHINTS_H

/// Asks the processor to start loading the cache line holding `address` (no fault if it
/// is invalid). Swift has no prefetch of its own; hash-table lookups that miss every cache
/// use it to overlap two lookups' memory latency.
static inline void cmemory_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
