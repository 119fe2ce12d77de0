package io.vigie.kit.web;

import java.net.URI;

/** What a create use case returns: where the new resource lives, its body and its version. */
public record Created<T>(URI location, T body, long version) {}
