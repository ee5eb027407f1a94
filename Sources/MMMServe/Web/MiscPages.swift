import Foundation
import Hummingbird

/// `/connect` and `/benchmarks`.
enum MiscPages {
    static func register(_ router: Router<ServeContext>, state: ServeState) {
        router.get("connect") { _, context in Pages.page("Connect", current: "/connect", user: context.user, body: "<p>Coming.</p>") }
        router.get("benchmarks") { _, context in Pages.page("Benchmarks", current: "/benchmarks", user: context.user, body: "<p>Coming.</p>") }
    }
}
