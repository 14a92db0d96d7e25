import ShopKit
import ShopUI
import XCTest

/// Column layout: what is dropped when space runs out, and never wider than the space.
final class LayoutTests: XCTestCase {
    private func used(_ layout: [(index: Int, width: Int)]) -> Int {
        layout.reduce(0) { $0 + $1.width } + max(0, layout.count - 1)
    }

    private var paneColumns: [(PaneID, [Column])] {
        PaneID.allCases.map { ($0, PaneDefinition.definition(for: $0).columns(FakeShop.defaultOverview)) }
    }

    private let sample = [
        Column("A", .fixed(10), priority: 10),
        Column("B", .fixed(10), priority: 2),
        Column("C", .fixed(10), priority: 5),
        Column("D", .flexible(minimum: 10, weight: 1), priority: 8),
    ]

    func testEverythingFitsWhenThereIsRoom() {
        XCTAssertEqual(layoutColumns(sample, width: 43).map(\.index), [0, 1, 2, 3])
    }

    func testTheLowestPriorityColumnGoesFirstThenTheNext() {
        XCTAssertEqual(layoutColumns(sample, width: 42).map(\.index), [0, 2, 3])
        XCTAssertEqual(layoutColumns(sample, width: 32).map(\.index), [0, 2, 3])
        XCTAssertEqual(layoutColumns(sample, width: 31).map(\.index), [0, 3])
        XCTAssertEqual(layoutColumns(sample, width: 21).map(\.index), [0, 3])
        XCTAssertEqual(layoutColumns(sample, width: 20).map(\.index), [0])
    }

    func testAKeptColumnNeverLosesToALessImportantOne() {
        for (pane, columns) in paneColumns + [(.catalog, sample)] {
            for width in 0...200 {
                let kept = Set(layoutColumns(columns, width: width).map(\.index))
                for index in kept {
                    for other in columns.indices where columns[other].priority > columns[index].priority {
                        XCTAssertTrue(kept.contains(other), "\(pane) at \(width): kept \(columns[index].title), dropped \(columns[other].title)")
                    }
                }
            }
        }
    }

    func testOfTwoColumnsOfEqualPriorityTheLaterOneGoesFirst() {
        let columns = [Column("first", .fixed(10), priority: 5), Column("second", .fixed(10), priority: 5)]
        XCTAssertEqual(layoutColumns(columns, width: 20).map(\.index), [0])
    }

    func testKeptColumnsStayInTheirOriginalOrder() {
        for (_, columns) in paneColumns {
            for width in 0...200 {
                let indices = layoutColumns(columns, width: width).map(\.index)
                XCTAssertEqual(indices, indices.sorted())
            }
        }
    }

    func testTheLayoutNeverExceedsTheWidth() {
        for (pane, columns) in paneColumns + [(.catalog, sample)] {
            for width in 0...200 {
                let layout = layoutColumns(columns, width: width)
                XCTAssertLessThanOrEqual(used(layout), width, "\(pane) at \(width): \(layout)")
                XCTAssertFalse(layout.isEmpty, "\(pane) at \(width): at least the most important column")
            }
        }
    }

    func testASingleColumnWiderThanTheSpaceIsNarrowedToTheSpace() {
        XCTAssertEqual(layoutColumns([Column("Title", .flexible(minimum: 14, weight: 1))], width: 10).map(\.width), [10])
        XCTAssertEqual(layoutColumns([Column("Status", .fixed(8))], width: 5).map(\.width), [5])
    }

    func testFlexibleColumnsShareTheSpareSpaceByWeightAndFillTheWidth() {
        let columns = [
            Column("narrow", .flexible(minimum: 10, weight: 1)),
            Column("fixed", .fixed(5)),
            Column("wide", .flexible(minimum: 10, weight: 3)),
        ]
        let layout = layoutColumns(columns, width: 67)
        XCTAssertEqual(layout.map(\.width), [20, 5, 40])
        XCTAssertEqual(used(layout), 67)
    }

    func testFixedColumnsAloneGiveTheSpareSpaceToTheLastColumn() {
        let columns = [Column("a", .fixed(4)), Column("b", .fixed(6))]
        XCTAssertEqual(layoutColumns(columns, width: 20).map(\.width), [4, 15])
    }

    func testEveryPaneFillsItsWidthWhenEveryKeptColumnFits() {
        for (pane, columns) in paneColumns {
            for width in [39, 59, 79, 99, 139] {
                XCTAssertEqual(used(layoutColumns(columns, width: width)), width, "\(pane) at \(width)")
            }
        }
    }

    func testPricingAndStockNeverNarrowTheSKUColumnBelowSixteen() throws {
        for pane in [PaneID.pricing, .stock] {
            let columns = PaneDefinition.definition(for: pane).columns(FakeShop.defaultOverview)
            let sku = try XCTUnwrap(columns.firstIndex { $0.title == "SKU" })
            var seen = false
            for width in 0...200 {
                let layout = layoutColumns(columns, width: width)
                guard layout.count > 1, let kept = layout.first(where: { $0.index == sku }) else { continue }
                seen = true
                XCTAssertGreaterThanOrEqual(kept.width, 16, "\(pane) at \(width): \(layout)")
            }
            XCTAssertTrue(seen, "\(pane) never shows the SKU beside another column")
        }
    }

    func testPromotionsAt80ColumnsShowEveryColumnAtItsOwnWidth() {
        let columns = PaneDefinition.definition(for: .promotions).columns(FakeShop.defaultOverview)
        let layout = layoutColumns(columns, width: 79)
        XCTAssertEqual(layout.map { columns[$0.index].title }, ["Name", "Kind", "Value", "Scope", "Schedule", "State", "Uses", "!~"])
        XCTAssertEqual(layout.map(\.width), [16, 8, 7, 12, 11, 9, 7, 2])
        let wide = layoutColumns(columns, width: 99)
        XCTAssertEqual(wide.map { columns[$0.index].title }.last, "Code", "the code comes back when there is room")
        XCTAssertEqual(wide.map(\.width), [20, 8, 7, 15, 11, 9, 7, 2, 12], "only Name, Scope and Code grow, three, two, one")
    }

    func testComplaintsDropOpenedFirstThenOwnerKindAndSubjectAsTheWidthShrinks() {
        let columns = PaneDefinition.definition(for: .complaints).columns(FakeShop.defaultOverview)
        var dropped: [String] = []
        var previous = Set(columns.indices)
        for width in stride(from: 200, through: 0, by: -1) {
            let kept = Set(layoutColumns(columns, width: width).map(\.index))
            let gone = previous.subtracting(kept).sorted {
                columns[$0].priority != columns[$1].priority ? columns[$0].priority < columns[$1].priority : $0 > $1
            }
            dropped += gone.map { columns[$0].title }
            previous = kept
        }
        XCTAssertEqual(Array(dropped.prefix(4)), ["Opened", "Owner", "Kind", "Subject"])
    }

    func testTheCatalogAt40ColumnsKeepsTitleStatusAndStock() {
        let columns = PaneDefinition.definition(for: .catalog).columns(FakeShop.defaultOverview)
        XCTAssertEqual(layoutColumns(columns, width: 39).map { columns[$0.index].title }, ["Title", "Status", "Stock"])
        XCTAssertEqual(layoutColumns(columns, width: 79).count, columns.count)
    }
}
