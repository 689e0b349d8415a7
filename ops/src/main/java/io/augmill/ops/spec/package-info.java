/**
 * Ops as data: the compact spec syntax ({@code rotate(degrees=15,interp=bilinear)}), validated argument
 * reading, the registry of named ops, and the JSON/YAML form {@code {op, p, args}} every transform
 * round-trips through.
 */
package io.augmill.ops.spec;
