package dev.pryx.provider;

/**
 * What a face shows above a key field.
 *
 * @param formatHint how the provider's keys look (e.g. "starts with sk-ant-"), or null when unknown
 * @param keySet     whether a key is stored already (a new one replaces it, the old one kept for rollback)
 * @param fingerprint the stored key's fingerprint, or null
 */
public record KeyPrompt(String id, String name, String formatHint, boolean keySet, String fingerprint) {
}
