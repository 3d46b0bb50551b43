// Ready entities by priority: a FIFO per level, highest level first.
#pragma once

#include "lib/list.hpp"
#include "vcpu.hpp"

namespace tern {

class RunQueue {
public:
    void push_back(Vcpu& v) { levels_[v.priority].push_back(v); }
    void push_front(Vcpu& v) { levels_[v.priority].push_front(v); }
    static void remove(Vcpu& v) { Level::remove(v); }

    // The highest-priority ready entity, without removing it.
    Vcpu* peek() const {
        for (unsigned p = priority_levels; p-- > 0;)
            if (Vcpu* v = levels_[p].front()) return v;
        return nullptr;
    }
    Vcpu* pop() {
        Vcpu* v = peek();
        if (v != nullptr) remove(*v);
        return v;
    }
    bool empty() const { return peek() == nullptr; }
    size_t size() const {
        size_t n = 0;
        for (const auto& l : levels_) n += l.size();
        return n;
    }

private:
    using Level = List<Vcpu, &Vcpu::queue_node>;
    Level levels_[priority_levels];
};

}  // namespace tern
