/**
 * Reference parity: Augmill's ops against outputs that PIL, OpenCV and torchvision computed once
 * ({@code tests/reference/generate.py}) on committed inputs, with per-case tolerances stated and
 * justified in {@code reference/cases/*.yaml}.
 */
package io.augmill.tests.parity;
