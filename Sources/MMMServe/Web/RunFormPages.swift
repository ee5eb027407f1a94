import Foundation
import Hummingbird

/// `/run`: the job config form.
enum RunFormPages {
    static func register(_ router: Router<ServeContext>, state: ServeState) {
        router.get("run") { _, context in Pages.page("Run", current: "/run", user: context.user, body: "<p>Coming.</p>") }
    }
}
