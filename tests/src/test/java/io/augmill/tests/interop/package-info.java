/**
 * Interoperability of the shard format with an independent implementation: Python's protobuf runtime
 * reads what Augmill writes, and Augmill reads and verifies what Python writes.
 */
package io.augmill.tests.interop;
