// Intrusive doubly linked lists: objects carry their own ListNode, so
// queueing never allocates.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace tern {

struct ListNode {
    ListNode* prev = this;
    ListNode* next = this;

    ListNode() = default;
    // An object's place in a list is not copied with it: a copy starts
    // unlinked and assignment keeps the target's own links. (Copied links
    // would point into the list, or at a temporary's stack slot that
    // unlink() later overwrites: `ev = TimerEvent(cb, ctx)`.)
    ListNode(const ListNode&) {}
    ListNode& operator=(const ListNode&) { return *this; }

    bool linked() const { return next != this; }
    void unlink() {
        prev->next = next;
        next->prev = prev;
        prev = next = this;
    }
    // Inserts `node` before this one.
    void insert_before(ListNode& node) {
        node.prev = prev;
        node.next = this;
        prev->next = &node;
        prev = &node;
    }
};

template <typename T, ListNode T::*Member>
class List {
public:
    List() = default;
    List(const List&) = delete;
    List& operator=(const List&) = delete;

    bool empty() const { return !head_.linked(); }
    void push_back(T& item) { head_.insert_before(item.*Member); }
    void push_front(T& item) { head_.next->insert_before(item.*Member); }
    // Inserts `item` before `pos` (a member of this list).
    void insert_before(T& pos, T& item) { (pos.*Member).insert_before(item.*Member); }
    static void remove(T& item) { (item.*Member).unlink(); }

    T* front() const { return empty() ? nullptr : owner(head_.next); }
    T* pop_front() {
        T* item = front();
        if (item != nullptr) remove(*item);
        return item;
    }
    T* next(const T& item) const {
        const ListNode* n = (item.*Member).next;
        return n == &head_ ? nullptr : owner(n);
    }
    size_t size() const {
        size_t n = 0;
        for (const ListNode* p = head_.next; p != &head_; p = p->next) ++n;
        return n;
    }

    class Iterator {
    public:
        Iterator(const ListNode* node, const ListNode* head) : node_(node), head_(head) {}
        T& operator*() const { return *owner(node_); }
        Iterator& operator++() { node_ = node_->next; return *this; }
        bool operator!=(const Iterator& o) const { return node_ != o.node_; }
    private:
        const ListNode* node_;
        const ListNode* head_;
    };
    Iterator begin() const { return Iterator(head_.next, &head_); }
    Iterator end() const { return Iterator(&head_, &head_); }

    static T* owner(const ListNode* node) {
        // container_of: the offset of Member inside T, taken from a fake
        // object address as offsetof does (no T is ever touched).
        constexpr uintptr_t fake = 0x1000;
        auto offset = reinterpret_cast<uintptr_t>(&(reinterpret_cast<T*>(fake)->*Member)) - fake;
        return reinterpret_cast<T*>(reinterpret_cast<uintptr_t>(node) - offset);
    }

private:
    ListNode head_;
};

}  // namespace tern
