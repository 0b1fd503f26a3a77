import Foundation
import Testing

@testable import ReplayEngine

/// `ShortList` against an array doing the same, across its inline part and its spill.
@Suite struct ShortListTests {
    @Test(arguments: [0, 1, 3, 4, 5, 9, 40])
    func holdsWhatAnArrayHolds(length: Int) {
        var list = ShortList<4, Int>(filler: -1)
        var array: [Int] = []
        for value in 0..<length {
            list.append(value * 10)
            array.append(value * 10)
        }
        #expect(list.count == array.count && list.elements == array)
        for index in array.indices {
            list[index] += index
            array[index] += index
        }
        #expect(list.elements == array)
        list.removeAll { $0 % 3 == 0 }
        array.removeAll { $0 % 3 == 0 }
        #expect(list.elements == array && list.count == array.count)
        list.append(7)
        array.append(7)
        #expect(list.elements == array)
        list.removeAll()
        #expect(list.isEmpty && list.elements.isEmpty)
    }

    @Test func growsWithItsFiller() {
        var visits = ShortList<2, Int>(filler: 0)
        visits.grow(to: 5)
        visits[4] += 1
        #expect(visits.elements == [0, 0, 0, 0, 1])
        visits.grow(to: 3)
        #expect(visits.count == 5)
        #expect(
            ShortList<2, Date>([.distantPast, .distantFuture, .distantPast], filler: .distantPast).elements
                == [.distantPast, .distantFuture, .distantPast])
    }

    /// Counting visits by node index, in and beyond the inline part, as an array would.
    @Test func incrementsCountsGrowingToTheIndex() {
        var visits = ShortList<2, Int>(filler: 0)
        var array: [Int] = []
        for index in [1, 0, 1, 4, 4, 2, 4, 1] {
            if index >= array.count { array += Array(repeating: 0, count: index + 1 - array.count) }
            array[index] += 1
            #expect(visits.increment(at: index) == array[index])
        }
        #expect(visits.elements == array)
        #expect(visits.elements == [1, 3, 1, 0, 3])
    }
}
