/**
 * Composition with the same {@link io.augmill.ops.Transform} interface as single ops: {@link
 * io.augmill.ops.compose.Sequence}, {@link io.augmill.ops.compose.OneOf} (weighted), {@link
 * io.augmill.ops.compose.SomeOf} and {@link io.augmill.ops.compose.RandomApply}, the one place
 * probability is handled.
 */
package io.augmill.ops.compose;
