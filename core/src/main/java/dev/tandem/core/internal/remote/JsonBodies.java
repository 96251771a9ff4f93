package dev.tandem.core.internal.remote;

import dev.tandem.core.internal.http.Json;
import dev.tandem.core.internal.http.MalformedJsonException;
import feign.RequestTemplate;
import feign.Response;
import feign.codec.Decoder;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Feign's encoder and decoder over the shared OpenFGA codec ({@link Json}): requests are JSON
 * trees; a response must be exactly one JSON object, strictly parsed.
 */
final class JsonBodies implements Encoder, Decoder {

  @Override
  public void encode(Object object, Type bodyType, RequestTemplate template) {
    if (!(object instanceof JsonNode node)) {
      throw new EncodeException("request bodies are JSON trees, got " + bodyType);
    }
    template.body(Json.write(node).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    if (type != ObjectNode.class) {
      throw new IllegalStateException("responses decode to ObjectNode, not " + type);
    }
    if (response.body() == null) {
      throw new MalformedJsonException("the response has no body");
    }
    try (InputStream in = response.body().asInputStream()) {
      return Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
