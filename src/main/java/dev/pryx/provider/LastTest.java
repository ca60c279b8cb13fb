package dev.pryx.provider;

import java.time.Instant;

/**
 * The last connection test of a provider (vault collection {@code tests}, id the provider id), for
 * {@code provider status}: never anything the provider said, which could be long or odd.
 *
 * @param verdict the verdict's wire name, e.g. {@code ok}, {@code invalid_key}
 */
public record LastTest(String verdict, long latencyMs, Instant at) {
}
