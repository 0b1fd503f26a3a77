import Foundation
import HTTPTypes
import Hummingbird
import Workspace

/// `POST /api/webhooks/{name}`: a signed delivery becomes a `webhook` lead event in the
/// webhook's cohort. Refused: an unknown webhook (404), a body over the webhook limit (413), a
/// missing or wrong signature or a timestamp outside the window (401), a delivery already
/// taken (409), a payload without the mapped lead id (422).
struct WebhookRoutes {
    let workspace: Workspace
    let configuration: ServerConfiguration

    func register(on router: Router<APIRequestContext>) {
        router.post("/api/webhooks/{name}") { request, context in
            guard let name = context.parameters.get("name") else { throw Problem.badRequest("missing name") }
            return try await receive(request, name)
        }
    }

    func receive(_ request: Request, _ name: String) async throws -> Response {
        let definition = try await WorkspaceCall.run { try workspace.webhook(named: name) }
        // The bytes as they came: the signature is checked on them before anything reads them.
        let body = try await RequestBody.bytes(request, limit: configuration.maxWebhookBodyBytes)
        guard let signature = header(request, WebhookSignature.signatureHeader) else {
            throw unauthorized("missing \(WebhookSignature.signatureHeader): sha256=HEX")
        }
        guard let stamp = header(request, WebhookSignature.timestampHeader), let timestamp = Int64(stamp)
        else {
            throw unauthorized("missing or malformed \(WebhookSignature.timestampHeader) (epoch seconds)")
        }
        let now = Int64(Date().timeIntervalSince1970)
        let window = configuration.signatureWindowSeconds
        guard abs(now - timestamp) <= window else {
            throw unauthorized(
                "the signature's timestamp is \(abs(now - timestamp)) s from now; at most \(window) s is taken"
            )
        }
        guard
            WebhookSignature.isValid(
                signature: signature, body: body, timestamp: timestamp, secret: definition.secret)
        else {
            throw unauthorized("the signature does not match the body and timestamp for webhook '\(name)'")
        }
        let payload = try RequestBody.parse(try RequestBody.text(of: body))
        let delivery = WebhookDelivery(
            webhook: name, signature: signature.lowercased(), signedAt: timestamp, payload: payload)
        let receipt = try await WorkspaceCall.run {
            try workspace.recordWebhookDelivery(delivery, window: window)
        }
        return try APIResponse.json(receipt, status: .accepted)
    }

    func header(_ request: Request, _ name: String) -> String? {
        HTTPField.Name(name).flatMap { request.headers[$0] }
    }

    func unauthorized(_ detail: String) -> Problem {
        Problem(.unauthorized, "Bad signature", detail: detail)
    }
}
