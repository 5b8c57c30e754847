/// How much longer some work takes when its input doubles: about 2 when it is linear, 4 when quadratic.
public enum GrowthRate {
    /// The ratio a linear step stays under. Linear work doubles (2×) and quadratic quadruples (4×); a
    /// large linear input on a shared machine reads up to about 3× (caches, allocation), so the bound
    /// sits between that and 4.
    public static let linearBound = 3.5

    /// Doubles the input from `size` until one run takes at least `floor` (so that timing noise does not
    /// decide), then times that size and twice it, each the best of `runs` runs. The runs of the two
    /// sizes alternate, so that a moment of load on a shared machine slows both alike, and a ratio over
    /// `expected` is measured again (up to `attempts` times): noise passes, a quadratic step does not.
    /// - Parameters:
    ///   - input: builds the input of a size, outside the timing.
    ///   - work: the work timed.
    public static func ofDoubling<Input>(
        from size: Int, expected: Double = 2.5, floor: Duration = .milliseconds(100), runs: Int = 5, attempts: Int = 5,
        input: (Int) -> Input, work: (Input) throws -> Void
    ) rethrows -> (size: Int, ratio: Double) {
        let clock = ContinuousClock()
        var size = size
        var single = input(size)
        // A linear step reaches the floor in a few doublings; the cap only keeps a broken setup bounded.
        while try clock.measure({ try work(single) }) < floor, size < 1 << 24 {
            size *= 2
            single = input(size)
        }
        let doubled = input(size * 2)
        var ratio = Double.infinity
        for _ in 0..<attempts where ratio >= expected {
            var fastest = (single: Duration.seconds(Int64.max), doubled: Duration.seconds(Int64.max))
            for _ in 0..<runs {
                fastest.single = min(fastest.single, try clock.measure { try work(single) })
                fastest.doubled = min(fastest.doubled, try clock.measure { try work(doubled) })
            }
            ratio = min(ratio, fastest.doubled / fastest.single)
        }
        return (size, ratio)
    }
}
