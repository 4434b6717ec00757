/// The folders plans are filed in with `bulk --by-manager`: one per manager, named safely
/// from the manager's name (`Ben Okafor` -> `Ben-Okafor`), and one plain folder for the
/// people whose row names no manager. Names are handed out in input order; two managers whose
/// names make the same folder name get `-2`, `-3`, ... The team page of a manager under
/// `managers/` has the same name as their folder.
public struct ManagerFolders: Sendable {
    /// The folder of people without a manager's name.
    public static let unmanaged = "no-manager"
    /// Names a manager's folder never takes: the run's own folder of team pages and the
    /// folder of people without a manager.
    static let reserved: Set<String> = [BulkRun.managersFolder, unmanaged]

    private var byManager: [String: String] = [:]
    private var used: Set<String> = []

    public init() {}

    /// The folder for a manager's reports (nil or empty: the people without a manager).
    ///
    /// - Returns: the folder's name and whether this is its first use in the run.
    public mutating func folder(for manager: String?) -> (name: String, isNew: Bool) {
        guard let manager, !manager.isEmpty else {
            let isNew = used.insert(Self.unmanaged).inserted
            return (Self.unmanaged, isNew)
        }
        if let name = byManager[manager] { return (name, false) }
        let stem = SafeFileName.make(manager)
        var name = stem
        var number = 1
        while used.contains(name.lowercased()) || Self.reserved.contains(name.lowercased()) {
            number += 1
            name = "\(stem)-\(number)"
        }
        used.insert(name.lowercased())
        byManager[manager] = name
        return (name, true)
    }

    /// The folder already given to a manager, if any.
    public func name(of manager: String) -> String? { byManager[manager] }
}
