package org.mlplatform.api.dataset;

import static org.mlplatform.api.TestData.as;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.mlplatform.api.TestData;

/** Test helpers for dataset uploads and the tenant's quota. */
public final class Datasets {

    private Datasets() {}

    public static final String SMALL_CSV = "a,b\n1,x\n2,y\n";

    public static Response upload(
            String slug, String user, String name, String format, byte[] bytes) {
        return as(user).contentType(ContentType.BINARY)
                .body(bytes)
                .queryParam("name", name)
                .queryParam("format", format)
                .post("/api/v1/tenants/{t}/datasets", slug);
    }

    public static Response uploadCsv(String slug, String user, String name, String csv) {
        return upload(slug, user, name, "csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads {@link #SMALL_CSV} under a new name and returns the name. */
    public static String create(String slug, String user) {
        String name = TestData.unique("d");
        uploadCsv(slug, user, name, SMALL_CSV).then().statusCode(201);
        return name;
    }

    public static void setQuota(String slug, Long storageBytes, Integer datasets) {
        Map<String, Object> body = new HashMap<>();
        body.put("maxStorageBytes", storageBytes);
        body.put("maxModels", 100);
        body.put("maxDatasets", datasets);
        as(TestData.platformAdmin(), "platform-admin")
                .body(body)
                .put("/api/v1/admin/tenants/{slug}/quota", slug)
                .then()
                .statusCode(200);
    }

    /** {@code storageBytes.used} and {@code datasets.used} of the tenant's quota. */
    public static long[] usage(String slug, String user) {
        Response quota =
                as(user).get("/api/v1/tenants/{t}/quota", slug)
                        .then()
                        .statusCode(200)
                        .extract()
                        .response();
        return new long[] {
            ((Number) quota.path("storageBytes.used")).longValue(),
            ((Number) quota.path("datasets.used")).longValue()
        };
    }

    public static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
