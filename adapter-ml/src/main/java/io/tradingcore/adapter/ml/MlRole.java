package io.tradingcore.adapter.ml;

/** Adapter-internal model role; mirrors the domain's ModelRole by name. */
enum MlRole {
    BASE_TREE, BASE_DEEP, REGIME, META
}
