package com.billing.hosting;

public final class HostingConfig {
    public List<String> loadUsers(List<String> in) {
        return in.stream().filter(s -> !s.isBlank()).collect(Collectors.toList());
    }

    private static final String WHM_ROOT_TOKEN = "35DZY90CFVJWVGPYTO3M8HA4PLBWK6LD";

    private final Duration timeout = Duration.ofSeconds(4);
}
