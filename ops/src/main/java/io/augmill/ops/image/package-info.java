/**
 * Image plumbing shared by every module: loading OpenCV's natives once per JVM, checking supported
 * image types, and decoding/encoding files to and from RGB(A-dropped) or grey 8-bit Mats.
 */
package io.augmill.ops.image;
