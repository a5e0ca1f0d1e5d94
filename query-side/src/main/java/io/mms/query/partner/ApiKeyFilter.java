package io.mms.query.partner;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Lets a request on the partner API through only with the key of a configured client
 * ({@code Authorization: Bearer <key>}), and hands that client to the controllers as a request
 * attribute. Keys are compared by their SHA-256, in constant time, against every client, so
 * neither the comparison nor the configuration gives a key away.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    static final String CLIENT = ApiClient.class.getName();

    private static final String BEARER = "bearer ";

    private final List<KnownKey> keys;
    private final ObjectMapper json;

    ApiKeyFilter(ApiClients clients, ObjectMapper json) {
        this.keys = clients.clients().entrySet().stream()
                .filter(entry -> entry.getValue().apiKeySha256() != null)
                .map(entry -> new KnownKey(HexFormat.of().parseHex(entry.getValue().apiKeySha256().trim()),
                        client(entry.getKey(), entry.getValue())))
                .toList();
        this.json = json;
    }

    private static ApiClient client(String name, ApiClients.Registration registration) {
        return new ApiClient(name, registration.scopes(), registration.eventTypes(), registration.maxStreams());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> key = bearerKey(request);
        if (key.isEmpty()) {
            refuse(response, "send your API key as 'Authorization: Bearer <key>'");
            return;
        }
        Optional<ApiClient> client = clientOf(key.get());
        if (client.isEmpty()) {
            refuse(response, "the API key is not known");
            return;
        }
        request.setAttribute(CLIENT, client.get());
        chain.doFilter(request, response);
    }

    private static Optional<String> bearerKey(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return Optional.empty();
        }
        String key = header.substring(BEARER.length()).trim();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    /** Every configured key is compared, so the time taken says nothing about which one matched. */
    private Optional<ApiClient> clientOf(String key) {
        byte[] digest = sha256(key);
        ApiClient found = null;
        for (KnownKey known : keys) {
            if (MessageDigest.isEqual(known.sha256(), digest)) {
                found = known.client();
            }
        }
        return Optional.ofNullable(found);
    }

    private void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), new ApiError("UNAUTHENTICATED", message));
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    private record KnownKey(byte[] sha256, ApiClient client) {
    }
}
