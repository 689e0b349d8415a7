/** Contact sheets: grids of images with captions, originals framed, for people to look at. */
package io.augmill.ops.preview;
