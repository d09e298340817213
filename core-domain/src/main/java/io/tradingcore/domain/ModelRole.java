package io.tradingcore.domain;

/** Model role exactly as {@code model_role_enum}. */
public enum ModelRole { BASE_TREE, BASE_DEEP, REGIME, META }
