/** The project's golden-image suite ({@code tests/golden}), run as part of the test command. */
package io.augmill.tests.golden;
