import Foundation
import Hummingbird

/// `/data`: upload a table, see its columns, map them to roles (saved as selected_columns.json).
enum DataPages {
    static func register(_ router: Router<ServeContext>, state: ServeState) {
        router.get("data") { _, context in Pages.page("Data", current: "/data", user: context.user, body: "<p>Coming.</p>") }
    }
}
