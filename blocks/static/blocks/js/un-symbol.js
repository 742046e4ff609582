// Draftail plugin: link a UN document symbol to undocs.org. Plain script, no build step:
// Wagtail's admin exposes React, DraftJS and draftail on window.
(function () {
  const React = window.React;
  const { EditorState, Modifier } = window.DraftJS;
  // Same rule as blocks.symbols.SYMBOL_PATTERN; the server validates again on save.
  const SYMBOL = /^[A-Z]+(?:\/[A-Z0-9.\-()]+)+(?: \(\d{4}\))?$/;

  function undocsUrl(symbol) {
    return 'https://undocs.org/' + symbol.replace(' (', '(');
  }

  function selectedText(editorState) {
    const selection = editorState.getSelection();
    if (selection.getStartKey() !== selection.getEndKey()) {
      return '';
    }
    const block = editorState.getCurrentContent().getBlockForKey(selection.getStartKey());
    return block.getText().slice(selection.getStartOffset(), selection.getEndOffset());
  }

  class UNSymbolSource extends React.Component {
    componentDidMount() {
      const { editorState, entity, entityType, onComplete, onClose } = this.props;
      const current = entity ? entity.getData().symbol : selectedText(editorState).trim();
      let symbol = current;
      if (entity || !SYMBOL.test(symbol)) {
        symbol = (window.prompt(entityType.prompt, current) || '').trim();
      }
      if (!symbol) {
        onClose();
        return;
      }
      if (!SYMBOL.test(symbol)) {
        window.alert(entityType.invalid.replace('%(value)s', symbol));
        onClose();
        return;
      }
      const selection = editorState.getSelection();
      let content = editorState
        .getCurrentContent()
        .createEntity(entityType.type, 'MUTABLE', { symbol: symbol, url: undocsUrl(symbol) });
      const entityKey = content.getLastCreatedEntityKey();
      content = selection.isCollapsed()
        ? Modifier.insertText(content, selection, symbol, null, entityKey)
        : Modifier.applyEntity(content, selection, entityKey);
      onComplete(EditorState.push(editorState, content, 'apply-entity'));
    }

    render() {
      return null;
    }
  }

  function UNSymbolLink(props) {
    const { symbol } = props.contentState.getEntity(props.entityKey).getData();
    return React.createElement(
      'span',
      { className: 'un-symbol-link', title: undocsUrl(symbol), dir: 'ltr', style: { textDecoration: 'underline' } },
      props.children,
    );
  }

  window.draftail.registerPlugin(
    { type: 'UNSYMBOL', source: UNSymbolSource, decorator: UNSymbolLink },
    'entityTypes',
  );
})();
