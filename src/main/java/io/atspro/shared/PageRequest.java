package io.atspro.shared;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * {@code ?page=&size=} of every list endpoint; {@code size} has a hard maximum of {@value #MAX_SIZE}.
 * Read as text and checked here: a JAX-RS int parameter that does not parse would answer 404, not 400.
 */
public class PageRequest {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    @QueryParam("page")
    @DefaultValue("0")
    @Pattern(regexp = "0|[1-9][0-9]{0,5}", message = "must be a whole number from 0 to 999999")
    String page;

    @QueryParam("size")
    @DefaultValue("" + DEFAULT_SIZE)
    @Pattern(regexp = "[1-9]|[1-9][0-9]|100", message = "must be a whole number from 1 to " + MAX_SIZE)
    String size;

    public PageRequest() {
        this(0, DEFAULT_SIZE);
    }

    public PageRequest(int page, int size) {
        this.page = Integer.toString(page);
        this.size = Integer.toString(size);
    }

    public int page() {
        return Integer.parseInt(page);
    }

    public int size() {
        return Integer.parseInt(size);
    }

    public int offset() {
        return page() * size();
    }
}
