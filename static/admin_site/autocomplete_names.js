'use strict';
// Names the parts select2 builds for an admin autocomplete field, which it leaves nameless: the
// combobox while nothing is chosen, the read-only text box inside it and the search boxes. The
// name is the select's aria-label, set by the admin forms (reliefsite/core/admin_widgets.py).
// Loaded with defer (templates/admin/base_site.html), so the handlers below are registered after
// Django's autocomplete.js's and run once select2 has built the widget.
{
    const nameWidget = (select) => {
        const name = select.getAttribute('aria-label');
        const container = select.nextElementSibling;
        if (!name || !container || !container.classList.contains('select2')) {
            return;
        }
        const combobox = container.querySelector('.select2-selection');
        // select2 labels a single choice's combobox by the chosen item, which leaves it nameless
        // while nothing is chosen; the item is the combobox's value, read out after its name.
        combobox.removeAttribute('aria-labelledby');
        combobox.setAttribute('aria-label', name);
        const text = combobox.querySelector('.select2-selection__rendered[role="textbox"]');
        if (text) {
            text.setAttribute('aria-label', name);
        }
        for (const search of container.querySelectorAll('.select2-search__field')) {
            search.setAttribute('aria-label', name);
        }
    };

    const nameAll = (root) => {
        for (const select of root.querySelectorAll('select.admin-autocomplete')) {
            nameWidget(select);
        }
    };

    const $ = window.django && window.django.jQuery;
    // Pages without jQuery (the login page) have no autocomplete fields.
    if ($ && $.fn.select2) {
        $(() => nameAll(document));
        document.addEventListener('formset:added', (event) => nameAll(event.target));
        // The drop-down's search box is built when it first opens.
        $(document).on('select2:open', 'select.admin-autocomplete', (event) => {
            const name = event.target.getAttribute('aria-label');
            const search = document.querySelector('.select2-container--open .select2-search--dropdown .select2-search__field');
            if (name && search) {
                search.setAttribute('aria-label', name);
            }
        });
    }
}
