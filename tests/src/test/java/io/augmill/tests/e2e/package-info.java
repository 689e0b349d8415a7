/** End-to-end runs of the {@code augmill} launcher, as a user would type them. */
package io.augmill.tests.e2e;
