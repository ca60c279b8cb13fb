package dev.pryx.provider;

import java.util.regex.Pattern;

/**
 * Who asks for a credential and for what: a component and an action, written
 * {@code component:action} (for example {@code tester:provider.test}). Every credential read
 * names one; the access policy decides.
 */
public record Scope(String component, String action) {
    private static final Pattern PART = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

    public Scope {
        if (!PART.matcher(component).matches() || !PART.matcher(action).matches()) {
            throw new IllegalArgumentException("malformed scope " + component + ":" + action);
        }
    }

    /** Reads {@code component:action}. */
    public static Scope parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("a scope is component:action, not " + text);
        }
        return new Scope(text.substring(0, colon), text.substring(colon + 1));
    }

    /** The test harness of `pryx provider test`. */
    public static final Scope PROVIDER_TEST = new Scope("tester", "provider.test");
    /** What fetches a provider's live model list ({@code pryx provider models}). */
    public static final Scope MODEL_LIST = new Scope("lister", "provider.models");
    /** A component that calls the model on the user's behalf. */
    public static final Scope LLM_INVOKE = new Scope("orchestrator", "llm.invoke");

    @Override
    public String toString() {
        return component + ":" + action;
    }
}
