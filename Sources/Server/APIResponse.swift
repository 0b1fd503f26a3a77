import Analytics
import Hummingbird
import Workspace

/// Response bodies: JSON written as `cairn ... --format json` writes it (pretty, keys sorted).
enum APIResponse {
    static func text(_ text: String, status: HTTPResponse.Status = .ok, contentType: String = "text/plain")
        -> Response
    {
        var buffer = ByteBuffer()
        buffer.writeString(text)
        return Response(
            status: status,
            headers: [.contentType: contentType, .contentLength: String(buffer.readableBytes)],
            body: ResponseBody(byteBuffer: buffer))
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        do {
            return text(try ReportExport.json(value) + "\n", status: status, contentType: "application/json")
        } catch {
            throw Problem(.internalServerError, "Cannot encode the response", detail: error.description)
        }
    }
}
